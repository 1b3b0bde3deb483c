-- The trust view keeps no counters (ADR 0009, amended 2026-12-03): every check-in of an agent incremented one row per
-- agent per room, and with the views in the command's transaction that row's lock put an agent's check-ins in a
-- queue. Now a counted check-in's row says whose it is and where, the outcome counts are counted from trust_history,
-- and a check-in's creation only inserts.
--
-- The counts stay what they were: each counted check-in gets its room and agent from its row in the check-in view,
-- or, should the view lack it, from its CheckInCreated event (sequence number 0 of the check-in's stream).
ALTER TABLE trust_view_check_ins ADD COLUMN room_id TEXT, ADD COLUMN agent_id TEXT;

UPDATE trust_view_check_ins c
   SET room_id = v.room_id, agent_id = v.state -> 'createdBy' ->> 'id'
  FROM check_in_view v
 WHERE v.id = c.check_in_id;

UPDATE trust_view_check_ins c
   SET (room_id, agent_id) = (
       SELECT created.payload ->> 'roomId', created.payload -> 'createdBy' ->> 'id'
         FROM (SELECT convert_from(e.payload, 'UTF8')::json AS payload
                 FROM domain_event_entry e
                WHERE e.aggregate_identifier = c.check_in_id AND e.sequence_number = 0
                  AND e.payload_type = 'io.antechamber.events.checkin.CheckInCreated') AS created)
 WHERE c.room_id IS NULL OR c.agent_id IS NULL;

-- fails the migration, rather than drop a count, if a counted check-in has neither
ALTER TABLE trust_view_check_ins ALTER COLUMN room_id SET NOT NULL, ALTER COLUMN agent_id SET NOT NULL;

CREATE INDEX trust_view_check_ins_agent ON trust_view_check_ins (room_id, agent_id);

ALTER TABLE trust_view
    DROP COLUMN total_check_ins,
    DROP COLUMN approved_count,
    DROP COLUMN rejected_count,
    DROP COLUMN modified_count,
    DROP COLUMN expired_count;
