package io.antechamber.verify;

import java.util.HexFormat;

/** Hashes travel as lowercase hex (API.md "Audit"). */
public final class Hex {

    private static final HexFormat LOWER = HexFormat.of();

    private Hex() {
    }

    public static String of(byte[] bytes) {
        return LOWER.formatHex(bytes);
    }

    /** Refuses anything but an even number of hex digits. */
    public static byte[] parse(String hex) {
        if (hex == null || hex.length() % 2 != 0) {
            throw new IllegalArgumentException("not a hex string");
        }
        return LOWER.parseHex(hex);
    }
}
