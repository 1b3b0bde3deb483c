package io.antechamber.api.audit;

import io.antechamber.verify.Sha256;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * What the audit log keeps of a webhook URL: where it points ({@code scheme://host[:port]}) and a sha256 of the whole
 * URL, so an auditor holding a URL can tell whether it is the one registered, while a token in its path or query is
 * not written into a log that can never forget it.
 */
record WebhookUrlFingerprint(String origin, String sha256) {

    static WebhookUrlFingerprint of(String url) {
        URI uri = URI.create(url);
        String origin = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        return new WebhookUrlFingerprint(origin, Sha256.hex(url.getBytes(StandardCharsets.UTF_8)));
    }
}
