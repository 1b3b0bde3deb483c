package io.antechamber.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CheckpointTest {

    private static final SigningKey KEY = SigningKey.generate();
    private static final byte[] ROOT = Sha256.of("root".getBytes(StandardCharsets.UTF_8));
    private static final String AT = "2026-11-24T10:15:30.123Z";

    @Test
    void it_signs_size_root_and_time_separated_by_newlines() {
        Checkpoint checkpoint = Checkpoint.sign(7, ROOT, AT, KEY);

        assertThat(new String(checkpoint.signedBytes(), StandardCharsets.UTF_8))
                .isEqualTo("7\n" + Hex.of(ROOT) + "\n" + AT);
        assertThat(checkpoint.keyId()).isEqualTo(KEY.keyId());
        assertThatCode(() -> checkpoint.verify(PublicKeys.of(KEY.publicKey()))).doesNotThrowAnyException();
    }

    @Test
    void a_changed_size_root_or_time_does_not_verify() {
        Checkpoint signed = Checkpoint.sign(7, ROOT, AT, KEY);
        PublicKeys keys = PublicKeys.of(KEY.publicKey());

        for (Checkpoint changed : new Checkpoint[] {
                new Checkpoint(8, signed.rootHash(), AT, signed.keyId(), signed.signature()),
                new Checkpoint(7, Hex.of(new byte[32]), AT, signed.keyId(), signed.signature()),
                new Checkpoint(7, signed.rootHash(), "2026-11-24T10:15:30.124Z", signed.keyId(), signed.signature())}) {
            assertThatThrownBy(() -> changed.verify(keys))
                    .hasMessage("checkpoint signature does not verify with key " + KEY.keyId());
        }
    }

    @Test
    void a_checkpoint_signed_by_a_key_not_listed_names_that_key() {
        Checkpoint signed = Checkpoint.sign(7, ROOT, AT, KEY);

        assertThatThrownBy(() -> signed.verify(PublicKeys.of(SigningKey.generate().publicKey())))
                .hasMessageStartingWith("checkpoint key " + KEY.keyId() + " is not among the public keys");
    }

    @Test
    void it_reads_the_json_the_api_answers() throws VerificationFailure {
        Checkpoint signed = Checkpoint.sign(7, ROOT, AT, KEY);
        String json = "{\"size\":7,\"root_hash\":\"" + signed.rootHash() + "\",\"at\":\"" + AT + "\",\"key_id\":\""
                + signed.keyId() + "\",\"signature\":\"" + signed.signature() + "\"}";

        assertThat(Checkpoint.parse(json, "checkpoint")).isEqualTo(signed);
        assertThatThrownBy(() -> Checkpoint.parse(json.replace("\"size\":7", "\"size\":\"7\""), "checkpoint"))
                .hasMessage("checkpoint has no whole number \"size\"");
    }
}
