package io.antechamber.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antechamber.verify.PublicKeys;
import io.antechamber.verify.ReceiptVerifier;
import io.antechamber.verify.VerificationFailure;
import io.antechamber.verify.VerifiedReceipt;

/**
 * Checks a check-in's decision receipt against the server's Ed25519 public keys ({@code GET /v1/audit/public-keys},
 * fetched on every check so a rotated key is seen), with the verifier module's {@link ReceiptVerifier}: the JWS must
 * verify, the payload shown beside it must be the signed one, and it must be the receipt of the check-in asked for.
 */
public final class ReceiptCheck {

    private final Transport transport;
    private final CheckIns checkIns;

    ReceiptCheck(Transport transport, CheckIns checkIns) {
        this.transport = transport;
        this.checkIns = checkIns;
    }

    /** Fetches the receipt of a resolved check-in and verifies it; the signed payload. */
    public VerifiedReceipt verify(String checkInId) throws VerificationFailure {
        Receipt receipt = checkIns.receipt(checkInId);
        VerifiedReceipt verified = verify(receipt);
        String signedFor = verified.payload().path("check_in_id").asText();
        if (!signedFor.equals(checkInId)) {
            throw new VerificationFailure("the receipt was signed for check-in " + signedFor + ", not " + checkInId);
        }
        return verified;
    }

    /** Verifies a receipt already in hand (e.g. one the agent stored with its action). */
    public VerifiedReceipt verify(Receipt receipt) throws VerificationFailure {
        PublicKeys keys = PublicKeys.parse(transport.getPublic("/v1/audit/public-keys"));
        ObjectNode answer = transport.json().createObjectNode().put("receipt", receipt.receipt());
        if (receipt.payload() != null) {
            answer.set("payload", receipt.payload());
        }
        return ReceiptVerifier.verify(answer.toString(), keys);
    }
}
