package io.antechamber.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads an event stream's lines (ended by CR LF, LF or CR, as the standard allows), refusing a line longer than
 * {@link #MAX_LINE_BYTES}: a stream that sends one is broken or hostile, and reading on would hold it all in memory.
 */
final class SseLines {

    static final int MAX_LINE_BYTES = 1 << 20;

    /** A line or an event past the limit: handled like a dropped connection. */
    static final class TooLong extends IOException {
        TooLong(String what) {
            super(what + " is longer than " + MAX_LINE_BYTES + " bytes");
        }
    }

    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean afterCarriageReturn;

    SseLines(InputStream in) {
        this.in = in;
    }

    /** The next line without its ending, or null at the end of the stream (a partial last line is dropped). */
    String next() throws IOException {
        line.reset();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n' && afterCarriageReturn) {
                afterCarriageReturn = false;
                continue;
            }
            afterCarriageReturn = b == '\r';
            if (b == '\n' || b == '\r') {
                return line.toString(StandardCharsets.UTF_8);
            }
            if (line.size() >= MAX_LINE_BYTES) {
                throw new TooLong("an event-stream line");
            }
            line.write(b);
        }
        return null;
    }
}
