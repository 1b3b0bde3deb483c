-- One sample of what the application's database sessions are doing (run 5 times a second during `create`): for each
-- session inside a statement or a transaction, the wait event (CPU when none; "in-transaction" when the session
-- waits for the app to send the next statement of an open transaction) and the statement. A marker line counts the
-- samples. The shares over many samples show where the database time of a check-in goes.
SELECT '#sample';
SELECT CASE WHEN state = 'idle in transaction' THEN 'App:in-transaction'
            ELSE COALESCE(wait_event_type, 'CPU') || ':' || COALESCE(wait_event, '-') END
       || ' | ' || left(regexp_replace(query, '\s+', ' ', 'g'), 90)
  FROM pg_stat_activity
 WHERE datname = current_database() AND state IN ('active', 'idle in transaction') AND pid <> pg_backend_pid();
