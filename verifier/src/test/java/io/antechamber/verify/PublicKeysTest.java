package io.antechamber.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PublicKeysTest {

    private static final SigningKey KEY = SigningKey.generate();
    private static final SigningKey OTHER = SigningKey.generate();

    private static String listed(String keyId, SigningKey key) {
        return "{\"data\":[{\"key_id\":\"" + keyId + "\",\"public_key\":\"" + key.publicKeyBase64()
                + "\",\"created_at\":\"2026-11-24T10:15:30.123Z\"}]}";
    }

    @Test
    void the_answer_of_the_public_keys_endpoint_names_each_key_by_its_derived_id() throws VerificationFailure {
        assertThat(PublicKeys.parse(listed(KEY.keyId(), KEY)).keyIds()).containsExactly(KEY.keyId());
    }

    @Test
    void a_key_listed_under_another_keys_id_is_refused_rather_than_reported_as_that_key() {
        Checkpoint signed = Checkpoint.sign(1, Sha256.of("root".getBytes(StandardCharsets.UTF_8)),
                "2026-11-24T10:15:30.123Z", KEY);
        Checkpoint relabelled = new Checkpoint(signed.size(), signed.rootHash(), signed.at(), OTHER.keyId(),
                signed.signature());

        assertThatThrownBy(() -> relabelled.verify(PublicKeys.parse(listed(OTHER.keyId(), KEY))))
                .hasMessage("public keys entry 1 (" + OTHER.keyId() + "): key_id is not the key's own id "
                        + KEY.keyId() + " (the first 16 hex digits of sha256 of the raw public key)");
    }
}
