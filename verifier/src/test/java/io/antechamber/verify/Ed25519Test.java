package io.antechamber.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class Ed25519Test {

    /** RFC 8032 section 7.1, TEST 1 (the empty message). */
    private static final String SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private static final String PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private static final String SIGNATURE = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33"
            + "bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    @Test
    void the_rfc_8032_seed_gives_its_public_key_and_its_signature() {
        KeyPair pair = Ed25519.fromSeed(Hex.parse(SEED));

        assertThat(Hex.of(Ed25519.raw(pair.getPublic()))).isEqualTo(PUBLIC);
        assertThat(Hex.of(Ed25519.sign(pair.getPrivate(), new byte[0]))).isEqualTo(SIGNATURE);
        assertThat(Ed25519.verify(Ed25519.publicKey(Hex.parse(PUBLIC)), new byte[0], Hex.parse(SIGNATURE))).isTrue();
    }

    @Test
    void a_changed_message_or_signature_does_not_verify() {
        byte[] signature = Hex.parse(SIGNATURE);
        signature[10] ^= 1;

        assertThat(Ed25519.verify(Ed25519.publicKey(Hex.parse(PUBLIC)), new byte[0], signature)).isFalse();
        assertThat(Ed25519.verify(Ed25519.publicKey(Hex.parse(PUBLIC)), new byte[] {0}, Hex.parse(SIGNATURE)))
                .isFalse();
        assertThat(Ed25519.verify(Ed25519.publicKey(Hex.parse(PUBLIC)), new byte[0], new byte[63])).isFalse();
    }

    @Test
    void a_public_key_travels_as_base64_of_its_raw_32_bytes() {
        KeyPair pair = Ed25519.generate();

        String base64 = Ed25519.base64(pair.getPublic());

        assertThat(Base64.getDecoder().decode(base64)).hasSize(32);
        assertThat(Ed25519.publicKeyFromBase64(base64)).isEqualTo(pair.getPublic());
        assertThatThrownBy(() -> Ed25519.publicKeyFromBase64("AAAA")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_key_id_is_the_first_16_hex_digits_of_the_sha256_of_the_raw_public_key() {
        assertThat(Ed25519.keyId(Ed25519.publicKey(Hex.parse(PUBLIC))))
                .isEqualTo(Hex.of(Sha256.of(Hex.parse(PUBLIC))).substring(0, 16))
                .hasSize(16);
    }

    @Test
    void a_private_key_survives_its_pkcs8_form() {
        KeyPair pair = Ed25519.fromSeed(Hex.parse(SEED));

        KeyPair back = Ed25519.fromPkcs8(Ed25519.pkcs8(pair.getPrivate()));

        assertThat(back.getPublic()).isEqualTo(pair.getPublic());
        assertThat(Ed25519.seed(back.getPrivate())).isEqualTo(Hex.parse(SEED));
    }
}
