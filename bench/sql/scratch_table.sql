-- The scratch table of the B_ins baseline, shaped like the heart of domain_event_entry.
SET client_min_messages = warning;
DROP TABLE IF EXISTS bench_scratch_events;
CREATE TABLE bench_scratch_events (
    global_index         BIGSERIAL    PRIMARY KEY,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    payload              BYTEA        NOT NULL,
    UNIQUE (aggregate_identifier, sequence_number)
);
