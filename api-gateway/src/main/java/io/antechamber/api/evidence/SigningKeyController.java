package io.antechamber.api.evidence;

import io.antechamber.api.auth.Auth;
import io.antechamber.api.auth.AuthMode;
import io.antechamber.api.web.Data;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operator rotates the key that signs checkpoints and receipts. */
@RestController
public class SigningKeyController {

    private final SigningKeys keys;

    public SigningKeyController(SigningKeys keys) {
        this.keys = keys;
    }

    /** The new active key; the old one is retired and stays listed by {@code GET /v1/audit/public-keys}. */
    @PostMapping("/v1/admin/signing-keys/rotate")
    @Auth(AuthMode.ADMIN)
    public Data<PublicKeyJson> rotate() {
        return Data.of(keys.rotate());
    }
}
