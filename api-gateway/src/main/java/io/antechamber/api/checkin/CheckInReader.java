package io.antechamber.api.checkin;

import io.antechamber.api.auth.Caller;
import io.antechamber.api.web.ViewLookup;
import io.antechamber.events.checkin.CheckInState;
import io.antechamber.events.query.FindCheckIn;
import org.springframework.stereotype.Component;

/** Reads one check-in of the caller's org from the check-in view, or answers 404. */
@Component
public class CheckInReader {

    private final ViewLookup views;

    public CheckInReader(ViewLookup views) {
        this.views = views;
    }

    public CheckInState find(Caller caller, String id) {
        FindCheckIn query = new FindCheckIn(caller.orgId(), CheckInController.checkInId(id));
        return views.one(query, CheckInState.class, "check-in");
    }
}
