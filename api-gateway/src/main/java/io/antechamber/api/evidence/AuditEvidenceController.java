package io.antechamber.api.evidence;

import io.antechamber.api.access.ActsOn;
import io.antechamber.api.audit.AuditExport;
import io.antechamber.api.access.PathResource;
import io.antechamber.api.auth.Auth;
import io.antechamber.api.auth.AuthMode;
import io.antechamber.api.auth.Caller;
import io.antechamber.api.web.ApiException;
import io.antechamber.api.web.Data;
import io.antechamber.api.web.ListData;
import io.antechamber.api.web.Validation;
import io.antechamber.verify.Checkpoint;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What an auditor checks the audit log with: the latest signed checkpoint, inclusion and consistency proofs, the
 * log as JSON Lines, and the public keys. Everything but the keys is about the caller's own organization.
 */
@RestController
public class AuditEvidenceController {

    /** The media type of JSON Lines, one JSON value per line. */
    public static final String NDJSON = "application/x-ndjson";

    private final AuditCheckpoints checkpoints;
    private final AuditProofs proofs;
    private final AuditExport export;
    private final SigningKeys keys;

    public AuditEvidenceController(AuditCheckpoints checkpoints, AuditProofs proofs, AuditExport export,
            SigningKeys keys) {
        this.checkpoints = checkpoints;
        this.proofs = proofs;
        this.export = export;
        this.keys = keys;
    }

    @GetMapping("/v1/audit/checkpoint")
    @Auth(AuthMode.HUMAN)
    public Data<Checkpoint> checkpoint(Caller caller) {
        return Data.of(checkpoints.latest(caller.orgId().value())
                .orElseThrow(() -> ApiException.notFound("checkpoint")));
    }

    @GetMapping("/v1/audit/entries/{seq}/proof")
    @Auth(AuthMode.HUMAN)
    @ActsOn(PathResource.AUDIT_ENTRY)
    public Data<InclusionProofJson> inclusion(Caller caller, @PathVariable String seq,
            @RequestParam(required = false) Long size) {
        return Data.of(proofs.inclusion(caller.orgId().value(), seq, size));
    }

    @GetMapping("/v1/audit/consistency")
    @Auth(AuthMode.HUMAN)
    public Data<ConsistencyProofJson> consistency(Caller caller,
            @RequestParam(name = "from_size", required = false) Long fromSize,
            @RequestParam(name = "to_size", required = false) Long toSize) {
        return Data.of(proofs.consistency(caller.orgId().value(), fromSize, toSize));
    }

    /**
     * Written straight to the response on the request's own (virtual) thread: an asynchronous body would be cut off
     * by the servlet container's async timeout, and an export of a long log takes longer than that.
     */
    @GetMapping(path = "/v1/audit/export", produces = NDJSON)
    @Auth(AuthMode.HUMAN)
    public void export(Caller caller, @RequestParam(name = "from_seq", required = false) Long fromSeq,
            HttpServletResponse response) throws IOException {
        Validation validation = new Validation();
        validation.check(fromSeq == null || fromSeq >= 1, "from_seq", "must be at least 1");
        validation.orThrow();
        response.setContentType(NDJSON);
        export.write(caller.orgId().value(), fromSeq == null ? 1 : fromSeq, response.getOutputStream());
    }

    @GetMapping("/v1/audit/public-keys")
    @Auth(AuthMode.NONE)
    public ListData<PublicKeyJson> publicKeys() {
        return ListData.all(keys.all());
    }
}
