-- The check-ins that moved trust, one row each: the primary key holds "a check-in moves trust at most once", which
-- the trust ledger no longer tracks in its state (its snapshots grew with every check-in it adjusted for).
-- Written by the command side in the transaction that stores the TrustAdjusted event (JdbcTrustAdjustments).
CREATE TABLE trust_adjustments (
    check_in_id TEXT PRIMARY KEY
);

-- The adjustments stored before this migration, from their events (JSON payloads, ADR 0005).
INSERT INTO trust_adjustments (check_in_id)
SELECT DISTINCT convert_from(payload, 'UTF8')::jsonb ->> 'checkInId'
FROM domain_event_entry
WHERE payload_type = 'io.antechamber.events.trust.TrustAdjusted';
