package io.antechamber.api.identity;

import io.antechamber.api.auth.Caller;
import io.antechamber.api.web.ApiException;
import io.antechamber.api.web.ViewLookup;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.identity.HumanState;
import io.antechamber.events.query.FindHuman;
import org.springframework.stereotype.Component;

/** Reads one human of the caller's org from the human view, or answers 404 (a malformed id included). */
@Component
public class HumanReader {

    private final ViewLookup views;

    public HumanReader(ViewLookup views) {
        this.views = views;
    }

    public HumanState find(Caller caller, String id) {
        FindHuman query = new FindHuman(caller.orgId(), humanId(id));
        return views.one(query, HumanState.class, "human");
    }

    static HumanId humanId(String id) {
        if (!HumanId.isValid(id)) {
            throw ApiException.notFound("human");
        }
        return new HumanId(id);
    }
}
