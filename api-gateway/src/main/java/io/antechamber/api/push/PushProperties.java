package io.antechamber.api.push;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * Web Push settings ({@code antechamber.push.*}), documented in docs/configuration.md. Push is on when all three VAPID
 * values are set, off when none is; some but not all is a startup error ({@link WebPush#of}).
 * {@link #toString} leaves the private key out, so a bind failure, a debug log or a properties listing cannot show it.
 *
 * @param vapidPublicKey        the VAPID public key, base64url of the raw uncompressed P-256 point
 *                              ({@code ANTECHAMBER_VAPID_PUBLIC_KEY})
 * @param vapidPrivateKey       the VAPID private key, base64url of the raw 32-byte scalar
 *                              ({@code ANTECHAMBER_VAPID_PRIVATE_KEY})
 * @param vapidSubject          who push services may contact about our traffic, a {@code mailto:} or {@code https:}
 *                              URL ({@code ANTECHAMBER_VAPID_SUBJECT})
 * @param allowPrivateEndpoints whether a subscription's endpoint may be plain http or resolve to a loopback, private
 *                              or other internal address ({@code ANTECHAMBER_PUSH_ALLOW_PRIVATE_ENDPOINTS}); for
 *                              tests and closed networks only
 */
@ConfigurationProperties("antechamber.push")
public record PushProperties(String vapidPublicKey, String vapidPrivateKey, String vapidSubject,
        @DefaultValue("false") boolean allowPrivateEndpoints) {

    boolean anySet() {
        return StringUtils.hasText(vapidPublicKey) || StringUtils.hasText(vapidPrivateKey)
                || StringUtils.hasText(vapidSubject);
    }

    boolean allSet() {
        return StringUtils.hasText(vapidPublicKey) && StringUtils.hasText(vapidPrivateKey)
                && StringUtils.hasText(vapidSubject);
    }

    /** Everything but the private key, of which it says only whether it is set. */
    @Override
    public String toString() {
        return "PushProperties[vapidPublicKey=" + vapidPublicKey + ", vapidPrivateKey="
                + (StringUtils.hasText(vapidPrivateKey) ? "(set)" : "(not set)") + ", vapidSubject=" + vapidSubject
                + ", allowPrivateEndpoints=" + allowPrivateEndpoints + "]";
    }
}
