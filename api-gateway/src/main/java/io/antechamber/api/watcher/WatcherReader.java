package io.antechamber.api.watcher;

import io.antechamber.api.auth.Caller;
import io.antechamber.api.web.ApiException;
import io.antechamber.api.web.ViewLookup;
import io.antechamber.events.query.FindWatcher;
import io.antechamber.events.watcher.WatcherId;
import io.antechamber.events.watcher.WatcherState;
import org.springframework.stereotype.Component;

/** Reads one watcher of the caller's org from the watcher view, or answers 404 (a malformed or removed one too). */
@Component
public class WatcherReader {

    private final ViewLookup views;

    public WatcherReader(ViewLookup views) {
        this.views = views;
    }

    public WatcherState find(Caller caller, String id) {
        return views.one(new FindWatcher(caller.orgId(), watcherId(id)), WatcherState.class, "watcher");
    }

    public static WatcherId watcherId(String id) {
        if (!WatcherId.isValid(id)) {
            throw ApiException.notFound("watcher");
        }
        return new WatcherId(id);
    }
}
