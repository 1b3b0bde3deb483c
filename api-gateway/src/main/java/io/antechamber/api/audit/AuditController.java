package io.antechamber.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.auth.Auth;
import io.antechamber.api.auth.AuthMode;
import io.antechamber.api.auth.Caller;
import io.antechamber.api.web.Data;
import io.antechamber.api.web.ListData;
import io.antechamber.api.web.Validation;
import io.antechamber.query.support.Cursor;
import io.antechamber.query.support.Page;
import java.util.List;
import java.util.function.Function;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's organization's audit log: its entries, newest first, and a check of the whole chain and tree. Any
 * human of the org may read it; another org's entries are never seen.
 */
@RestController
public class AuditController {

    private final AuditListRequest listRequest;
    private final AuditEntries entries;
    private final AuditVerifier verifier;

    public AuditController(AuditListRequest listRequest, AuditEntries entries, AuditVerifier verifier) {
        this.listRequest = listRequest;
        this.entries = entries;
        this.verifier = verifier;
    }

    @GetMapping("/v1/audit")
    @Auth(AuthMode.HUMAN)
    public ListData<JsonNode> list(Caller caller, @RequestParam(required = false) String room,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String target,
            @RequestParam(required = false) String action, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        AuditListRequest.Parsed request = listRequest.parse(caller, room, actor, target, action, from, to, limit,
                cursor);
        List<AuditEntry> fetched = entries.newestFirst(request.filter(), request.limit() + 1);
        Page<JsonNode> page = Page.of(fetched, request.limit(), AuditEntryJson::of,
                last -> new Cursor(last.at(), Long.toString(last.seq())));
        return ListData.of(page, Function.identity());
    }

    @GetMapping("/v1/audit/verify")
    @Auth(AuthMode.HUMAN)
    public Data<VerifyResult> verify(Caller caller, @RequestParam(name = "from_seq", required = false) Long fromSeq,
            @RequestParam(name = "to_seq", required = false) Long toSeq) {
        Validation validation = new Validation();
        validation.check(fromSeq == null || fromSeq >= 1, "from_seq", "must be at least 1");
        validation.check(toSeq == null || toSeq >= 1, "to_seq", "must be at least 1");
        validation.check(fromSeq == null || toSeq == null || fromSeq <= toSeq, "to_seq", "must not be below from_seq");
        validation.orThrow();
        return Data.of(verifier.verify(caller.orgId().value(), fromSeq == null ? 1 : fromSeq, toSeq));
    }
}
