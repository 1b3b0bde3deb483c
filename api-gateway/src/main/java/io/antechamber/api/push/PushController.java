package io.antechamber.api.push;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.antechamber.api.auth.Auth;
import io.antechamber.api.auth.AuthMode;
import io.antechamber.api.auth.Caller;
import io.antechamber.api.web.ApiError;
import io.antechamber.api.web.ApiException;
import io.antechamber.api.web.Data;
import io.antechamber.api.web.Validation;
import java.time.Clock;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Web Push subscriptions (API.md "Operations"): a browser of a human subscribes to notifications of check-ins that go
 * pending in that human's rooms. Every endpoint answers 404 while push is not configured.
 */
@RestController
public class PushController {

    private final WebPush webPush;
    private final PushSubscriptions subscriptions;
    private final PushEndpointCheck endpoints;
    private final Clock clock = Clock.systemUTC();

    PushController(WebPush webPush, PushSubscriptions subscriptions, PushEndpointCheck endpoints) {
        this.webPush = webPush;
        this.subscriptions = subscriptions;
        this.endpoints = endpoints;
    }

    public record VapidKeyJson(String publicKey) {
    }

    /** A browser's {@code PushSubscription.toJSON()}; {@code expirationTime}, which browsers add, is ignored. */
    public record SubscriptionRequest(String endpoint, Keys keys,
            @JsonProperty("expirationTime") Long expirationTime) {
    }

    public record Keys(String p256dh, String auth) {
    }

    /** A stored subscription as the API shows it: never its keys. */
    public record SubscriptionJson(String endpoint, Instant createdAt) {
    }

    @GetMapping("/v1/push/vapid-public-key")
    @Auth(AuthMode.NONE)
    public Data<VapidKeyJson> vapidPublicKey() {
        return Data.of(new VapidKeyJson(webPush.publicKey().orElseThrow(PushController::off)));
    }

    @PostMapping("/v1/push/subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    @Auth(AuthMode.HUMAN)
    public Data<SubscriptionJson> subscribe(Caller caller, @RequestBody SubscriptionRequest request) {
        if (!webPush.enabled()) {
            throw off();
        }
        Validation validation = new Validation();
        endpoints.check(request.endpoint(), validation);
        Keys keys = request.keys();
        if (keys == null) {
            validation.check(false, "keys", "is required");
        } else {
            if (validation.text("keys.p256dh", keys.p256dh(), true, 1, PushKeys.MAX_KEY_CHARS) != null) {
                PushKeys.p256dhProblem(keys.p256dh()).ifPresent(p -> validation.check(false, "keys.p256dh", p));
            }
            if (validation.text("keys.auth", keys.auth(), true, 1, PushKeys.MAX_KEY_CHARS) != null) {
                PushKeys.authProblem(keys.auth()).ifPresent(p -> validation.check(false, "keys.auth", p));
            }
        }
        validation.orThrow();
        Instant created = subscriptions.save(caller.orgId(), caller.humanId(), request.endpoint(), keys.p256dh(),
                keys.auth(), clock.instant());
        return Data.of(new SubscriptionJson(request.endpoint(), created));
    }

    @DeleteMapping("/v1/push/subscriptions")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Auth(AuthMode.HUMAN)
    public void unsubscribe(Caller caller, @RequestParam(required = false) String endpoint) {
        if (!webPush.enabled()) {
            throw off();
        }
        if (endpoint == null || endpoint.isBlank()) {
            throw ApiException.invalid("endpoint", "is required");
        }
        if (!subscriptions.remove(caller.humanId(), endpoint)) {
            throw ApiException.notFound("push subscription");
        }
    }

    private static ApiException off() {
        return new ApiException(ApiError.NOT_FOUND, "Web Push is not configured on this server");
    }
}
