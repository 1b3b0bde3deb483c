-- The dashboard inbox's filters (PendingCheckInQueries): a room's pending check-ins by risk level and by agent, each
-- walked newest or oldest first by (created_at, id). Without them a filtered page of a room with thousands of pending
-- check-ins reads every pending row (and, for the agent, parses its document); the unfiltered list needs neither, as
-- check_in_view_room_status serves it. Partial: only pending rows, the few a reviewer still has to decide.
CREATE INDEX check_in_view_pending_risk ON check_in_view (room_id, risk_level, created_at, id)
    WHERE status = 'pending';
CREATE INDEX check_in_view_pending_agent ON check_in_view (room_id, ((state->'createdBy'->>'id')), created_at, id)
    WHERE status = 'pending';
