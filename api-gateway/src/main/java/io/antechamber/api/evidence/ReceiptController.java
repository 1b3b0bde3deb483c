package io.antechamber.api.evidence;

import io.antechamber.api.auth.Auth;
import io.antechamber.api.auth.AuthMode;
import io.antechamber.api.auth.Caller;
import io.antechamber.api.web.Data;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A signed receipt of a resolved check-in, for whoever may read the check-in. */
@RestController
public class ReceiptController {

    private final Receipts receipts;

    public ReceiptController(Receipts receipts) {
        this.receipts = receipts;
    }

    @GetMapping("/v1/check-ins/{id}/receipt")
    @Auth(AuthMode.ANY)
    public Data<ReceiptJson> receipt(Caller caller, @PathVariable String id) {
        return Data.of(receipts.receipt(caller, id));
    }
}
