package io.antechamber.api.push;

import io.antechamber.api.watcher.WebhookUrlCheck;
import io.antechamber.api.web.Validation;
import io.antechamber.command.watcher.TargetAddresses;
import java.net.URI;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Whether a push endpoint may be stored: https (plain http only where private endpoints are allowed, as in tests), and
 * by the webhooks' rules ({@link WebhookUrlCheck}) a well-formed URL whose host resolves only to public addresses. The
 * sender checks the address again when it connects ({@link PushSender}).
 */
@Component
class PushEndpointCheck {

    static final String FIELD = "endpoint";
    static final int MAX_ENDPOINT_CHARS = 2048;

    private final TargetAddresses targets;

    PushEndpointCheck(PushProperties properties) {
        this.targets = new TargetAddresses(properties.allowPrivateEndpoints());
    }

    TargetAddresses targets() {
        return targets;
    }

    void check(String endpoint, Validation validation) {
        if (validation.text(FIELD, endpoint, true, 1, MAX_ENDPOINT_CHARS) == null
                || endpoint.length() > MAX_ENDPOINT_CHARS || endpoint.isBlank()) {
            return;
        }
        if (!targets.allowsPrivate() && !scheme(endpoint).equals("https")) {
            validation.check(false, FIELD, "must be an https URL");
            return;
        }
        WebhookUrlCheck.problem(endpoint, targets, "push endpoints")
                .ifPresent(problem -> validation.check(false, FIELD, problem));
    }

    private static String scheme(String endpoint) {
        try {
            String scheme = URI.create(endpoint).getScheme();
            return scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
