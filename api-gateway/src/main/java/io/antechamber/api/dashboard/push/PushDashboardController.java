package io.antechamber.api.dashboard.push;

import io.antechamber.api.dashboard.DashboardController;
import io.antechamber.api.dashboard.SignedIn;
import io.antechamber.api.push.PushController;
import io.antechamber.api.web.Data;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The dashboard's side of Web Push: static/push.js sends the browser's subscription here with the session's CSRF
 * header, and it is stored exactly as {@code POST /v1/push/subscriptions} stores it, for the signed-in person.
 */
@DashboardController
public class PushDashboardController {

    private final PushController push;

    public PushDashboardController(PushController push) {
        this.push = push;
    }

    @PostMapping(path = "/push/subscriptions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @ResponseBody
    public Data<PushController.SubscriptionJson> subscribe(HttpServletRequest request,
            @RequestBody PushController.SubscriptionRequest subscription) {
        return push.subscribe(SignedIn.of(request).caller(), subscription);
    }
}
