package io.antechamber.api.watcher;

import io.antechamber.api.web.Validation;
import io.antechamber.command.watcher.TargetAddresses;
import io.antechamber.events.watcher.WatcherLimits;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whether a {@code webhook_url} may be registered: an absolute http(s) URL with a host and no user info, whose host
 * resolves, and (unless private targets are allowed) only to public addresses. The sender checks the address it
 * connects to again, since a name may resolve elsewhere later.
 */
@Component
public class WebhookUrlCheck {

    static final String FIELD = "webhook_url";

    private final TargetAddresses targets;

    public WebhookUrlCheck(TargetAddresses targets) {
        this.targets = targets;
    }

    /** Records the URL's first problem in {@code validation}; the DNS lookup only for a URL that is well formed. */
    public void check(String url, Validation validation) {
        if (validation.text(FIELD, url, true, 1, WatcherLimits.MAX_URL_CHARS) == null
                || url.length() > WatcherLimits.MAX_URL_CHARS) {
            return;
        }
        problem(url, targets, "webhooks").ifPresent(p -> validation.check(false, FIELD, p));
    }

    /**
     * The first problem of a URL that something of ours will POST to ({@code what}, e.g. "webhooks", names it in the
     * refusal): its shape, then every address its host resolves to, against {@code targets}. Web Push endpoints are
     * checked here too, against their own setting.
     */
    public static Optional<String> problem(String url, TargetAddresses targets, String what) {
        return shapeProblem(url).or(() -> addressProblem(targets, host(url), what));
    }

    private static Optional<String> shapeProblem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        return Optional.empty();
    }

    private static String host(String url) {
        String host = URI.create(url).getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static Optional<String> addressProblem(TargetAddresses targets, String host, String what) {
        try {
            for (InetAddress address : targets.resolve(host)) {
                Optional<String> refusal = targets.refusal(address);
                if (refusal.isPresent()) {
                    return Optional.of("host " + refusal.get() + "; " + what + " may only go to public addresses");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("host does not resolve");
        }
    }
}
