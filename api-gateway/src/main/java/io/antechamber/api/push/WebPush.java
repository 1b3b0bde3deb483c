package io.antechamber.api.push;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Security;
import java.util.Locale;
import java.util.Optional;
import nl.martijndwars.webpush.AbstractPushService;
import nl.martijndwars.webpush.Encoding;
import nl.martijndwars.webpush.HttpRequest;
import nl.martijndwars.webpush.Notification;
import nl.martijndwars.webpush.Urgency;
import nl.martijndwars.webpush.Utils;
import org.bouncycastle.jce.interfaces.ECPublicKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The server's side of Web Push: its VAPID key pair, and a notification encrypted for one browser (RFC 8291,
 * {@code aes128gcm}) with the VAPID {@code Authorization} header (RFC 8292), both by the web-push library. Sending is
 * not done here: {@link PushSender} posts the request with the SSRF-guarded client.
 * <p>
 * Off (no VAPID keys configured) it only answers {@link #publicKey()} empty.
 */
public class WebPush {

    /** How long a push service keeps a notification for a browser that is offline. */
    static final int TIME_TO_LIVE_SECONDS = 12 * 60 * 60;

    static {
        // the library asks for its keys and ciphers by the provider name "BC"
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Provider provider = new BouncyCastleProvider();
            Security.addProvider(provider);
        }
    }

    private final String publicKey;
    private final Vapid vapid;

    private WebPush(String publicKey, Vapid vapid) {
        this.publicKey = publicKey;
        this.vapid = vapid;
    }

    public static WebPush off() {
        return new WebPush(null, null);
    }

    /** Push with these keys; refuses to start on a half-made, malformed or mismatched configuration. */
    public static WebPush of(PushProperties properties) {
        if (!properties.anySet()) {
            return off();
        }
        if (!properties.allSet()) {
            throw new IllegalStateException("Web Push needs all of ANTECHAMBER_VAPID_PUBLIC_KEY, "
                    + "ANTECHAMBER_VAPID_PRIVATE_KEY and ANTECHAMBER_VAPID_SUBJECT, or none of them");
        }
        String subject = properties.vapidSubject().strip();
        String scheme = URI.create(subject).getScheme();
        if (scheme == null || !(scheme.toLowerCase(Locale.ROOT).equals("mailto")
                || scheme.toLowerCase(Locale.ROOT).equals("https"))) {
            throw new IllegalStateException("ANTECHAMBER_VAPID_SUBJECT must be a mailto: or https: URL");
        }
        try {
            Vapid vapid = new Vapid(properties.vapidPublicKey().strip(), properties.vapidPrivateKey().strip(),
                    subject);
            if (!Utils.verifyKeyPair(vapid.getPrivateKey(), vapid.getPublicKey())) {
                throw new IllegalStateException("ANTECHAMBER_VAPID_PUBLIC_KEY is not the public key of "
                        + "ANTECHAMBER_VAPID_PRIVATE_KEY");
            }
            return new WebPush(properties.vapidPublicKey().strip(), vapid);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // the message of a key parse failure never contains the key
            throw new IllegalStateException("the VAPID keys are not base64url P-256 keys as web-push tools print "
                    + "them: " + e.getClass().getSimpleName(), e);
        }
    }

    /** The VAPID public key browsers subscribe with, when push is on. */
    public Optional<String> publicKey() {
        return Optional.ofNullable(publicKey);
    }

    public boolean enabled() {
        return vapid != null;
    }

    /** The POST that delivers {@code payload} to one subscription: its URL, headers and encrypted body. */
    HttpRequest request(StoredSubscription subscription, byte[] payload) throws GeneralSecurityException {
        if (vapid == null) {
            throw new IllegalStateException("Web Push is not configured");
        }
        try {
            ECPublicKey browserKey = (ECPublicKey) Utils.loadPublicKey(subscription.p256dh());
            Notification notification = new Notification(subscription.endpoint(), browserKey,
                    PushKeys.decode(subscription.auth()), payload, TIME_TO_LIVE_SECONDS, Urgency.HIGH, null);
            return vapid.request(notification);
        } catch (GeneralSecurityException e) {
            throw e;
        } catch (Exception e) {
            throw new GeneralSecurityException("could not prepare the notification: " + e.getClass().getSimpleName());
        }
    }

    /** The library's request preparation, without its own HTTP clients (left out of the build). */
    private static final class Vapid extends AbstractPushService<Vapid> {

        Vapid(String publicKey, String privateKey, String subject) throws GeneralSecurityException {
            super(publicKey, privateKey, subject);
        }

        HttpRequest request(Notification notification) throws Exception {
            return prepareRequest(notification, Encoding.AES128GCM);
        }
    }
}
