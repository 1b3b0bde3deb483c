package io.antechamber.api.checkin;

import io.antechamber.api.web.RequestLimits;
import io.antechamber.api.web.Validation;
import io.antechamber.events.checkin.Attachment;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/** Validates the attachments of a result or a message: a few, each a name and an absolute http(s) URL. */
final class Attachments {

    private Attachments() {
    }

    static List<Attachment> validated(Validation validation, List<AttachmentRequest> requested) {
        if (requested == null) {
            return List.of();
        }
        validation.check(requested.size() <= RequestLimits.ATTACHMENTS, "attachments",
                "must hold at most " + RequestLimits.ATTACHMENTS + " items");
        List<Attachment> attachments = new ArrayList<>();
        for (int i = 0; i < Math.min(requested.size(), RequestLimits.ATTACHMENTS); i++) {
            AttachmentRequest a = requested.get(i);
            String field = "attachments[" + i + "]";
            if (a == null) {
                validation.check(false, field, "must be an object");
                continue;
            }
            validation.text(field + ".name", a.name(), true, 1, RequestLimits.ATTACHMENT_NAME_CHARS);
            validation.text(field + ".url", a.url(), true, 1, RequestLimits.ATTACHMENT_URL_CHARS);
            validation.check(a.url() == null || isWebUrl(a.url()), field + ".url", "must be an absolute http or https URL");
            validation.text(field + ".content_type", a.contentType(), false, 1,
                    RequestLimits.ATTACHMENT_CONTENT_TYPE_CHARS);
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
