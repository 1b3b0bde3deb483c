package io.antechamber.api.admin;

import io.antechamber.api.auth.Auth;
import io.antechamber.api.auth.AuthMode;
import io.antechamber.api.web.Data;
import io.antechamber.api.web.ListData;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operator endpoints: projection positions and rebuilds. */
@RestController
public class AdminController {

    private final Projections projections;

    public AdminController(Projections projections) {
        this.projections = projections;
    }

    @GetMapping("/v1/admin/projections")
    @Auth(AuthMode.ADMIN)
    public ListData<ProjectionStatus> list() {
        return ListData.all(projections.all());
    }

    @PostMapping("/v1/admin/projections/{name}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Auth(AuthMode.ADMIN)
    public Data<ProjectionStatus> replay(@PathVariable String name) {
        return Data.of(projections.replay(name));
    }
}
