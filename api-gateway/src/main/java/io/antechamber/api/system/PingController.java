package io.antechamber.api.system;

import io.antechamber.api.auth.Auth;
import io.antechamber.api.auth.AuthMode;
import io.antechamber.api.web.Data;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A liveness answer that touches nothing: the HTTP baseline of the benchmarks measures the stack with it. */
@RestController
public class PingController {

    private static final Data<Map<String, Boolean>> PONG = Data.of(Map.of("pong", true));

    @GetMapping("/v1/ping")
    @Auth(AuthMode.NONE)
    public Data<Map<String, Boolean>> ping() {
        return PONG;
    }
}
