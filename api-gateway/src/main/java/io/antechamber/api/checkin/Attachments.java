package io.antechamber.api.checkin;

import io.antechamber.api.web.Validation;
import io.antechamber.events.checkin.Attachment;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/** Validates the attachments of a result or a message: at most 20, each a name and an absolute http(s) URL. */
final class Attachments {

    static final int MAX = 20;

    private Attachments() {
    }

    static List<Attachment> validated(Validation validation, List<AttachmentRequest> requested) {
        if (requested == null) {
            return List.of();
        }
        validation.check(requested.size() <= MAX, "attachments", "must hold at most " + MAX + " items");
        List<Attachment> attachments = new ArrayList<>();
        for (int i = 0; i < Math.min(requested.size(), MAX); i++) {
            AttachmentRequest a = requested.get(i);
            String field = "attachments[" + i + "]";
            if (a == null) {
                validation.check(false, field, "must be an object");
                continue;
            }
            validation.text(field + ".name", a.name(), true, 1, 255);
            validation.text(field + ".url", a.url(), true, 1, 2048);
            validation.check(a.url() == null || isWebUrl(a.url()), field + ".url", "must be an absolute http or https URL");
            validation.text(field + ".content_type", a.contentType(), false, 1, 255);
            validation.range(field + ".size_bytes", a.sizeBytes(), 0, Long.MAX_VALUE);
            attachments.add(new Attachment(a.name(), a.url(), a.contentType(), a.sizeBytes()));
        }
        return List.copyOf(attachments);
    }

    private static boolean isWebUrl(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
