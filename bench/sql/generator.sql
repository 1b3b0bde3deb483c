-- Bench-only helpers, in their own schema of the benchmark's throw-away database (Flyway owns only "public").
--
-- bench.pad_events(target, max_rows) appends synthetic history to domain_event_entry until it holds `target` events
-- (at most `max_rows` per call, so the caller can show progress; it returns how many rows it added). Creating a
-- million events through HTTP would take far longer than the whole benchmark, so they are written by SQL, but they
-- are copies of events the application itself wrote during the run: the payload and metadata JSON, payload_type,
-- payload_revision, type and time_stamp of one real CheckInCreated, the CheckInApproved of the same check-in and the
-- TrustAdjusted it caused, with the check-in id and the agent id replaced. Each synthetic check-in g gets those
-- three events, in that order (so global_index order is causal order):
--   CheckInCreated   aggregate ci_bench<g>, sequence 0
--   CheckInApproved  aggregate ci_bench<g>, sequence 1
--   TrustAdjusted    aggregate trust_<room>_agt_bench<g mod 1000>, sequence g div 1000 (contiguous per ledger)
-- in the real room of the real organization, by 1,000 synthetic agents. Event identifiers are fresh UUIDs.
--
-- Only the event table is written. The views commit with the events the commands write (ADR 0017), so none of them
-- holds this history until a rebuild folds it, which is what the replay step measures; the other scenarios never
-- read these check-ins. No command addresses them or their agents either, so the command side's lookups
-- (credentials, trust_scores, trust_adjustments) do not hold them.

CREATE SCHEMA IF NOT EXISTS bench;

CREATE TABLE IF NOT EXISTS bench.generator (
    next_g          BIGINT NOT NULL,
    check_in_id     TEXT   NOT NULL,
    agent_id        TEXT   NOT NULL,
    created_id      BIGINT NOT NULL,
    approved_id     BIGINT NOT NULL,
    trust_id        BIGINT NOT NULL
);

CREATE OR REPLACE FUNCTION bench.pad_events(target BIGINT, max_rows BIGINT) RETURNS BIGINT
LANGUAGE plpgsql AS $$
DECLARE
    have     BIGINT;
    gen      bench.generator;
    created  domain_event_entry;
    approved domain_event_entry;
    trust    domain_event_entry;
    checkins BIGINT;
BEGIN
    SELECT count(*) INTO have FROM domain_event_entry;
    IF have >= target THEN
        RETURN 0;
    END IF;

    SELECT * INTO gen FROM bench.generator;
    IF NOT FOUND THEN
        -- The templates: the latest check-in a human approved through the API, and its trust adjustment.
        SELECT * INTO approved FROM domain_event_entry
         WHERE payload_type = 'io.antechamber.events.checkin.CheckInApproved'
           AND convert_from(payload, 'UTF8')::jsonb -> 'by' ->> 'type' = 'human'
         ORDER BY global_index DESC LIMIT 1;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'no CheckInApproved by a human in the store: run the cycle scenario first';
        END IF;
        SELECT * INTO created FROM domain_event_entry
         WHERE aggregate_identifier = approved.aggregate_identifier
           AND payload_type = 'io.antechamber.events.checkin.CheckInCreated';
        SELECT * INTO trust FROM domain_event_entry
         WHERE payload_type = 'io.antechamber.events.trust.TrustAdjusted'
           AND convert_from(payload, 'UTF8')::jsonb ->> 'checkInId' = approved.aggregate_identifier;
        IF created.global_index IS NULL OR trust.global_index IS NULL THEN
            RAISE EXCEPTION 'templates incomplete for %', approved.aggregate_identifier;
        END IF;
        INSERT INTO bench.generator VALUES (0, approved.aggregate_identifier,
            convert_from(created.payload, 'UTF8')::jsonb -> 'createdBy' ->> 'id',
            created.global_index, approved.global_index, trust.global_index)
        RETURNING * INTO gen;
    END IF;

    SELECT * INTO created FROM domain_event_entry WHERE global_index = gen.created_id;
    SELECT * INTO approved FROM domain_event_entry WHERE global_index = gen.approved_id;
    SELECT * INTO trust FROM domain_event_entry WHERE global_index = gen.trust_id;

    checkins := LEAST((target - have + 2) / 3, GREATEST(max_rows / 3, 1));

    INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                    payload_type, payload_revision, payload, meta_data)
    SELECT gen_random_uuid()::text,
           CASE t.k WHEN 2 THEN replace(trust.aggregate_identifier, gen.agent_id, s.agent) ELSE s.ci END,
           CASE t.k WHEN 0 THEN 0 WHEN 1 THEN 1 ELSE s.g / 1000 END,
           t.type, t.time_stamp, t.payload_type, t.payload_revision,
           convert_to(replace(replace(t.payload, gen.check_in_id, s.ci), gen.agent_id, s.agent), 'UTF8'),
           t.meta_data
      FROM (SELECT g, 'ci_bench' || lpad(g::text, 12, '0') AS ci,
                   'agt_bench' || lpad((g % 1000)::text, 6, '0') AS agent
              FROM generate_series(gen.next_g, gen.next_g + checkins - 1) AS g) AS s
     CROSS JOIN (VALUES
            (0, created.type, created.time_stamp, created.payload_type, created.payload_revision,
             convert_from(created.payload, 'UTF8'), created.meta_data),
            (1, approved.type, approved.time_stamp, approved.payload_type, approved.payload_revision,
             convert_from(approved.payload, 'UTF8'), approved.meta_data),
            (2, trust.type, trust.time_stamp, trust.payload_type, trust.payload_revision,
             convert_from(trust.payload, 'UTF8'), trust.meta_data))
         AS t(k, type, time_stamp, payload_type, payload_revision, payload, meta_data)
     ORDER BY s.g, t.k;

    UPDATE bench.generator SET next_g = next_g + checkins;
    RETURN checkins * 3;
END;
$$;
