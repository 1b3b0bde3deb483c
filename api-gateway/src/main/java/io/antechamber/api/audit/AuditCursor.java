package io.antechamber.api.audit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The opaque cursor of the audit list, newest first: the seq of the last entry of the page before. */
final class AuditCursor {

    private static final String PREFIX = "seq:";

    private AuditCursor() {
    }

    static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + seq).getBytes(StandardCharsets.UTF_8));
    }

    /** Empty for no cursor; {@link IllegalArgumentException} for one this service did not issue. */
    static Optional<Long> decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX)) {
                throw new IllegalArgumentException("not an audit cursor");
            }
            long seq = Long.parseLong(raw.substring(PREFIX.length()));
            if (seq < 1) {
                throw new IllegalArgumentException("not an audit cursor");
            }
            return Optional.of(seq);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cursor is not valid", e);
        }
    }
}
