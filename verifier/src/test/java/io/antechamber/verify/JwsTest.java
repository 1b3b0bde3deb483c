package io.antechamber.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JwsTest {

    private static final SigningKey KEY = SigningKey.generate();
    private static final PublicKeys KEYS = PublicKeys.of(KEY.publicKey());
    private static final String PAYLOAD = "{\"outcome\":\"approved\",\"check_in_id\":\"ci_1\",\"audit_seq\":12}";

    @Test
    void it_signs_the_canonical_payload_under_an_eddsa_header_naming_the_key() throws VerificationFailure {
        String jws = Jws.sign(PAYLOAD, KEY);

        String[] parts = jws.split("\\.");
        assertThat(decode(parts[0])).isEqualTo("{\"alg\":\"EdDSA\",\"kid\":\"" + KEY.keyId() + "\"}");
        assertThat(decode(parts[1])).isEqualTo(CanonicalJson.text(PAYLOAD));
        assertThat(jws).doesNotContain("=");
        VerifiedJws verified = Jws.verify(jws, KEYS);
        assertThat(verified.keyId()).isEqualTo(KEY.keyId());
        assertThat(verified.payloadText()).isEqualTo(CanonicalJson.text(PAYLOAD));
    }

    @Test
    void every_changed_character_fails() {
        String jws = Jws.sign(PAYLOAD, KEY);

        for (int i = 0; i < jws.length(); i++) {
            if (jws.charAt(i) == '.') {
                continue;
            }
            String changed = jws.substring(0, i) + (jws.charAt(i) == 'A' ? 'B' : 'A') + jws.substring(i + 1);
            assertThatThrownBy(() -> Jws.verify(changed, KEYS)).isInstanceOf(VerificationFailure.class);
        }
    }

    @Test
    void a_changed_payload_names_the_signature_and_key() {
        String[] parts = Jws.sign(PAYLOAD, KEY).split("\\.");
        String changed = parts[0] + "." + encode(PAYLOAD.replace("approved", "rejected")) + "." + parts[2];

        assertThatThrownBy(() -> Jws.verify(changed, KEYS))
                .hasMessage("JWS signature does not verify with key " + KEY.keyId());
    }

    @Test
    void only_eddsa_is_accepted() {
        String[] parts = Jws.sign(PAYLOAD, KEY).split("\\.");
        for (String header : new String[] {"{\"alg\":\"none\",\"kid\":\"" + KEY.keyId() + "\"}",
                "{\"alg\":\"HS256\",\"kid\":\"" + KEY.keyId() + "\"}", "{\"kid\":\"" + KEY.keyId() + "\"}"}) {
            assertThatThrownBy(() -> Jws.verify(encode(header) + "." + parts[1] + "." + parts[2], KEYS))
                    .hasMessageContaining("only \"EdDSA\" is accepted");
        }
    }

    @Test
    void a_kid_without_a_key_is_refused() {
        String jws = Jws.sign(PAYLOAD, SigningKey.generate());

        assertThatThrownBy(() -> Jws.verify(jws, KEYS)).hasMessageContaining("is not among the public keys");
    }

    @Test
    void padding_other_alphabets_and_wrong_shapes_are_refused() {
        String jws = Jws.sign(PAYLOAD, KEY);
        String[] parts = jws.split("\\.");

        assertThatThrownBy(() -> Jws.verify(parts[0] + "." + parts[1], KEYS)).hasMessageContaining("compact form");
        assertThatThrownBy(() -> Jws.verify(jws + "==", KEYS))
                .hasMessage("JWS signature is not base64url without padding");
        assertThatThrownBy(() -> Jws.verify(parts[0] + "." + parts[1].replace('-', '+') + "+." + parts[2], KEYS))
                .hasMessage("JWS payload is not base64url without padding");
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
