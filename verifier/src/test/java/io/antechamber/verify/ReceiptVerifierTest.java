package io.antechamber.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReceiptVerifierTest {

    private static final SigningKey KEY = SigningKey.generate();
    private static final String PAYLOAD = "{\"check_in_id\":\"ci_1\",\"outcome\":\"approved\",\"modifications\":null,"
            + "\"decided_by\":{\"type\":\"human\",\"id\":\"usr_1\"},\"audit_seq\":12}";
    private static final String KEYS_JSON = "{\"data\":[{\"key_id\":\"" + KEY.keyId() + "\",\"public_key\":\""
            + KEY.publicKeyBase64() + "\",\"created_at\":\"2026-11-24T10:00:00.000Z\"}]}";

    @Test
    void the_receipt_answer_verifies_with_the_listed_key() throws VerificationFailure {
        String answer = "{\"receipt\":\"" + Jws.sign(PAYLOAD, KEY) + "\",\"payload\":" + PAYLOAD + "}";

        VerifiedReceipt receipt = ReceiptVerifier.verify(answer, PublicKeys.parse(KEYS_JSON));

        assertThat(receipt.keyId()).isEqualTo(KEY.keyId());
        assertThat(receipt.payload().get("outcome").asText()).isEqualTo("approved");
    }

    @Test
    void a_bare_jws_verifies_too() throws VerificationFailure {
        assertThat(ReceiptVerifier.verify(Jws.sign(PAYLOAD, KEY) + "\n", PublicKeys.parse(KEYS_JSON)).keyId())
                .isEqualTo(KEY.keyId());
    }

    @Test
    void a_shown_payload_other_than_the_signed_one_was_altered() {
        String answer = "{\"receipt\":\"" + Jws.sign(PAYLOAD, KEY) + "\",\"payload\":"
                + PAYLOAD.replace("approved", "rejected") + "}";

        assertThatThrownBy(() -> ReceiptVerifier.verify(answer, PublicKeys.parse(KEYS_JSON))).hasMessage(
                "receipt payload was altered: the shown payload differs from the signed one in outcome (shown "
                        + "\"rejected\", signed \"approved\")");
    }

    @Test
    void a_tampered_jws_does_not_verify() {
        String[] parts = Jws.sign(PAYLOAD, KEY).split("\\.");
        String forged = parts[0] + "." + Jws.sign(PAYLOAD.replace("approved", "rejected"), KEY).split("\\.")[1] + "."
                + parts[2];

        assertThatThrownBy(() -> ReceiptVerifier.verify(forged, PublicKeys.parse(KEYS_JSON)))
                .hasMessage("receipt JWS signature does not verify with key " + KEY.keyId());
    }

    @Test
    void a_receipt_signed_by_an_unlisted_key_is_refused() {
        String jws = Jws.sign(PAYLOAD, SigningKey.generate());

        assertThatThrownBy(() -> ReceiptVerifier.verify(jws, PublicKeys.parse(KEYS_JSON)))
                .hasMessageContaining("is not among the public keys [" + KEY.keyId() + "]");
    }
}
