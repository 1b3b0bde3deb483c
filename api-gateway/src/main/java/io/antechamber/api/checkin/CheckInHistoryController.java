package io.antechamber.api.checkin;

import io.antechamber.api.access.ActsOn;
import io.antechamber.api.access.PathResource;
import io.antechamber.api.auth.Auth;
import io.antechamber.api.auth.AuthMode;
import io.antechamber.api.auth.Caller;
import io.antechamber.api.web.Data;
import io.antechamber.api.web.ListData;
import io.antechamber.api.web.PagedQueries;
import io.antechamber.api.web.Pages;
import io.antechamber.api.web.Validation;
import io.antechamber.api.web.ViewLookup;
import io.antechamber.events.checkin.CheckInState;
import io.antechamber.events.query.FindCheckInAsOf;
import io.antechamber.events.query.FindCheckInHistory;
import io.antechamber.events.query.PageRequest;
import io.antechamber.query.checkin.CheckInHistoryQueries;
import io.antechamber.query.checkin.HistoryEvent;
import io.antechamber.query.support.Page;
import java.time.Instant;
import java.util.function.Function;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A check-in's past, from its events: the raw stream, and the check-in as it was at an instant. Humans only. */
@RestController
public class CheckInHistoryController {

    private final CheckInReader reader;
    private final PagedQueries pagedQueries;
    private final ViewLookup views;

    public CheckInHistoryController(CheckInReader reader, PagedQueries pagedQueries, ViewLookup views) {
        this.reader = reader;
        this.pagedQueries = pagedQueries;
        this.views = views;
    }

    /** The stream of a check-in the caller may read as {@code GET /v1/check-ins/:id}, oldest first. */
    @GetMapping("/v1/check-ins/{id}/history")
    @Auth(AuthMode.HUMAN)
    @ActsOn(PathResource.CHECK_IN)
    public ListData<HistoryEvent> history(Caller caller, @PathVariable String id,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        PageRequest page = Pages.of(limit, cursor);
        Validation validation = new Validation();
        validation.check(CheckInHistoryQueries.isHistoryCursor(cursor), "cursor", "is not a cursor this API returned");
        validation.orThrow();
        CheckInState checkIn = reader.find(caller, id);
        Page<HistoryEvent> events = pagedQueries.page(new FindCheckInHistory(caller.orgId(), checkIn.id(), page));
        return ListData.of(events, Function.identity());
    }

    /**
     * {@code GET /v1/check-ins/:id?as_of=}: its own mapping, so that only humans reach it, while the plain read is
     * open to agents too.
     */
    @GetMapping(value = "/v1/check-ins/{id}", params = "as_of")
    @Auth(AuthMode.HUMAN)
    @ActsOn(PathResource.CHECK_IN)
    public Data<CheckInJson> asOf(Caller caller, @PathVariable String id, @RequestParam(name = "as_of") String asOf) {
        Validation validation = new Validation();
        Instant instant = validation.timestamp("as_of", asOf);
        validation.orThrow();
        FindCheckInAsOf query = new FindCheckInAsOf(caller.orgId(), CheckInController.checkInId(id), instant);
        return Data.of(CheckInJson.of(views.one(query, CheckInState.class, "check-in")));
    }
}
