package io.antechamber.verify;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Ed25519 (RFC 8032) with the JDK's own provider only. Keys travel as their raw 32 bytes: a public key as the 32-byte
 * point (base64, standard alphabet, padded), a private key as its 32-byte seed; the JDK wants them wrapped in X.509
 * SubjectPublicKeyInfo and PKCS#8 (RFC 8410), which is what the prefixes here are.
 */
public final class Ed25519 {

    public static final int KEY_BYTES = 32;
    public static final int SIGNATURE_BYTES = 64;
    private static final String ALGORITHM = "Ed25519";
    /** SEQUENCE { SEQUENCE { OID 1.3.101.112 } BIT STRING (33 bytes) }, RFC 8410 section 4. */
    private static final byte[] SPKI_PREFIX = Hex.parse("302a300506032b6570032100");
    private static final int KEY_ID_HEX_DIGITS = 16;

    private Ed25519() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK 15+ has Ed25519", e);
        }
    }

    /**
     * The key pair of a 32-byte seed (the RFC 8032 private key). The JDK has no public API deriving the public key
     * from a private one, but its generator draws exactly the 32 seed bytes from the random source it is given.
     */
    public static KeyPair fromSeed(byte[] seed) {
        if (seed.length != KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 seed is 32 bytes");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new SeedAsRandom(seed));
            KeyPair pair = generator.generateKeyPair();
            if (!Arrays.equals(seed(pair.getPrivate()), seed)) {
                throw new IllegalStateException("the JDK's Ed25519 generator did not use the given seed");
            }
            return pair;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK 15+ has Ed25519", e);
        }
    }

    /** The key pair of a PKCS#8 (RFC 8410 OneAsymmetricKey) Ed25519 private key. */
    public static KeyPair fromPkcs8(byte[] pkcs8) {
        try {
            PrivateKey key = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return fromSeed(seed(key));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PKCS#8 Ed25519 private key");
        }
    }

    /** The 32-byte seed of a private key. */
    public static byte[] seed(PrivateKey key) {
        if (key instanceof EdECPrivateKey edec && edec.getBytes().isPresent()) {
            return edec.getBytes().get();
        }
        throw new IllegalArgumentException("not an Ed25519 private key");
    }

    /** The PKCS#8 form of a private key, as kept in {@code signing_keys.private_key}. */
    public static byte[] pkcs8(PrivateKey key) {
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed(key))).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK 15+ has Ed25519", e);
        }
    }

    /** The raw 32-byte public key, as kept in {@code signing_keys.public_key} and shown (base64) by the API. */
    public static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded == null || encoded.length != SPKI_PREFIX.length + KEY_BYTES
                || !Arrays.equals(encoded, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return Arrays.copyOfRange(encoded, SPKI_PREFIX.length, encoded.length);
    }

    public static PublicKey publicKey(byte[] raw) {
        if (raw.length != KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes");
        }
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + KEY_BYTES);
        System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, KEY_BYTES);
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
    }

    /** Base64 (standard alphabet, padded) of the raw 32-byte key: the {@code public_key} of the public keys list. */
    public static String base64(PublicKey key) {
        return Base64.getEncoder().encodeToString(raw(key));
    }

    public static PublicKey publicKeyFromBase64(String base64) {
        try {
            return publicKey(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 Ed25519 public key (32 raw bytes)");
        }
    }

    /**
     * The key id: the first 16 lowercase hex digits of sha256(raw 32-byte public key). Derived, never chosen, so
     * anyone holding a public key can tell which checkpoints and receipts name it.
     */
    public static String keyId(PublicKey key) {
        return Hex.of(Sha256.of(raw(key))).substring(0, KEY_ID_HEX_DIGITS);
    }

    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(message);
            return signer.sign();
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not an Ed25519 private key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK 15+ has Ed25519", e);
        }
    }

    /** False for a wrong signature, including one that is not 64 bytes. */
    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        if (signature.length != SIGNATURE_BYTES) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (SignatureException e) {
            return false;
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK 15+ has Ed25519", e);
        }
    }

    /** Hands out the seed once; {@link #fromSeed} checks it was the seed that became the private key. */
    private static final class SeedAsRandom extends SecureRandom {

        private final byte[] seed;

        private SeedAsRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("the Ed25519 generator asked for " + bytes.length + " bytes, not 32");
            }
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
        }
    }
}
