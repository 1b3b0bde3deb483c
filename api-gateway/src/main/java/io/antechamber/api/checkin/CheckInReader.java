package io.antechamber.api.checkin;

import io.antechamber.api.auth.Caller;
import io.antechamber.api.web.ReadAfterWrite;
import io.antechamber.events.checkin.CheckInState;
import io.antechamber.events.query.FindCheckIn;
import io.antechamber.query.checkin.CheckInViewProjection;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** Reads one check-in of the caller's org from the check-in view, or answers 404. */
@Component
public class CheckInReader {

    private final QueryGateway queries;
    private final ReadAfterWrite readAfterWrite;

    public CheckInReader(QueryGateway queries, ReadAfterWrite readAfterWrite) {
        this.queries = queries;
        this.readAfterWrite = readAfterWrite;
    }

    public CheckInState find(Caller caller, String id) {
        FindCheckIn query = new FindCheckIn(caller.orgId(), CheckInController.checkInId(id));
        return readAfterWrite.one(CheckInViewProjection.PROCESSING_GROUP, query, CheckInState.class, "check-in");
    }
}
