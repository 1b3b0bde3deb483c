-- B_ins: one event-like row per transaction, as the event store appends one: a fresh aggregate id, sequence 0, a
-- 500-byte bytea payload, the unique (aggregate, sequence) constraint and the bigserial primary key to maintain.
INSERT INTO bench_scratch_events (aggregate_identifier, sequence_number, payload)
VALUES (gen_random_uuid()::text, 0, decode(repeat('7b22', 250), 'hex'));
