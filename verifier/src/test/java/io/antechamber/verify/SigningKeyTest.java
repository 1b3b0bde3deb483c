package io.antechamber.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SigningKeyTest {

    private static final byte[] SEED = Hex.parse("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    private static final String PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    @Test
    void the_configured_key_may_be_the_base64_seed() {
        SigningKey key = SigningKey.fromConfiguredValue(Base64.getEncoder().encodeToString(SEED));

        assertThat(Ed25519.raw(key.publicKey())).isEqualTo(Hex.parse(PUBLIC));
        assertThat(key.keyId()).isEqualTo(Ed25519.keyId(key.publicKey()));
    }

    @Test
    void the_configured_key_may_be_base64_or_pem_pkcs8() {
        byte[] pkcs8 = Ed25519.pkcs8(Ed25519.fromSeed(SEED).getPrivate());
        String base64 = Base64.getEncoder().encodeToString(pkcs8);
        String pem = "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";

        assertThat(Ed25519.raw(SigningKey.fromConfiguredValue(base64).publicKey())).isEqualTo(Hex.parse(PUBLIC));
        assertThat(Ed25519.raw(SigningKey.fromConfiguredValue(pem).publicKey())).isEqualTo(Hex.parse(PUBLIC));
    }

    @Test
    void a_wrong_configured_key_is_refused_without_repeating_it() {
        assertThatThrownBy(() -> SigningKey.fromConfiguredValue("not base64 secret!"))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("secret");
        assertThatThrownBy(() -> SigningKey.fromConfiguredValue(Base64.getEncoder().encodeToString(new byte[31])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void its_text_form_never_shows_the_private_key() {
        SigningKey key = SigningKey.generate();

        assertThat(key.toString()).isEqualTo("SigningKey[keyId=" + key.keyId() + "]");
    }
}
