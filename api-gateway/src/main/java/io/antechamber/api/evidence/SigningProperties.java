package io.antechamber.api.evidence;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How checkpoints and receipts are signed ({@code antechamber.signing.*}; docs/configuration.md).
 *
 * @param key the Ed25519 private key from {@code ANTECHAMBER_SIGNING_KEY} (base64 of its 32-byte seed or of its
 *            PKCS#8 form, or PEM); blank: a key is generated and kept in {@code signing_keys}
 */
@ConfigurationProperties("antechamber.signing")
public record SigningProperties(String key) {

    public boolean keyConfigured() {
        return key != null && !key.isBlank();
    }

    /** Never the key itself: a record's own toString would print it wherever the properties are logged. */
    @Override
    public String toString() {
        return "SigningProperties[key=" + (keyConfigured() ? "(configured)" : "(none)") + "]";
    }
}
