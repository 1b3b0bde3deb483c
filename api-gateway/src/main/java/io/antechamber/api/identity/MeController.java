package io.antechamber.api.identity;

import io.antechamber.api.auth.Auth;
import io.antechamber.api.auth.AuthMode;
import io.antechamber.api.auth.Caller;
import io.antechamber.api.web.Data;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class MeController {

    public record MeJson(String type, String id, String orgId, String name) {
    }

    @GetMapping("/v1/me")
    @Auth(AuthMode.ANY)
    public Data<MeJson> me(Caller caller) {
        return Data.of(new MeJson(caller.actor().type().wire(), caller.id(), caller.orgId().value(), caller.name()));
    }
}
