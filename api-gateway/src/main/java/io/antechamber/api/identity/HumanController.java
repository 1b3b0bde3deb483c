package io.antechamber.api.identity;

import io.antechamber.api.access.ActsOn;
import io.antechamber.api.access.PathResource;
import io.antechamber.api.auth.ApiKeys;
import io.antechamber.api.auth.Auth;
import io.antechamber.api.auth.AuthMode;
import io.antechamber.api.auth.Caller;
import io.antechamber.api.auth.Secret;
import io.antechamber.api.web.ApiException;
import io.antechamber.api.web.Data;
import io.antechamber.api.web.ListData;
import io.antechamber.api.web.PagedQueries;
import io.antechamber.api.web.Pages;
import io.antechamber.api.web.RequestLimits;
import io.antechamber.api.web.Validation;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.identity.AddHuman;
import io.antechamber.events.identity.ChangeHumanRole;
import io.antechamber.events.identity.DeactivateHuman;
import io.antechamber.events.identity.HumanRole;
import io.antechamber.events.identity.HumanState;
import io.antechamber.events.identity.RotateHumanKey;
import io.antechamber.events.query.FindHumans;
import io.antechamber.query.support.Page;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The humans of an org: added, promoted or demoted and removed by its admins; each human's key rotated by that human
 * or an admin. Who may do what to whom (an admin, the last admin, the human itself) is decided by the Organization
 * aggregate, so racing requests cannot leave the org without an admin.
 */
@RestController
public class HumanController {

    private final CommandGateway commands;
    private final PagedQueries pagedQueries;
    private final HumanReader humans;

    public HumanController(CommandGateway commands, PagedQueries pagedQueries, HumanReader humans) {
        this.commands = commands;
        this.pagedQueries = pagedQueries;
        this.humans = humans;
    }

    public record AddHumanRequest(String name, String email, String role) {
    }

    public record ChangeRoleRequest(String role) {
    }

    public record HumanCreatedJson(HumanJson human, Secret apiKey) {

        HumanCreatedJson(HumanJson human, String apiKey) {
            this(human, new Secret(apiKey));
        }
    }

    public record RotatedHumanKeyJson(Secret apiKey) {

        RotatedHumanKeyJson(String apiKey) {
            this(new Secret(apiKey));
        }
    }

    @PostMapping("/v1/humans")
    @ResponseStatus(HttpStatus.CREATED)
    @Auth(AuthMode.ORG_ADMIN)
    public Data<HumanCreatedJson> add(Caller caller, @RequestBody AddHumanRequest request) {
        Validation validation = new Validation();
        validation.text("name", request.name(), true, 1, RequestLimits.NAME_CHARS);
        validation.text("email", request.email(), false, RequestLimits.EMAIL_MIN_CHARS, RequestLimits.EMAIL_CHARS);
        HumanRole role = validation.oneOf("role", request.role(), HumanRole.class, HumanRole.REVIEWER);
        validation.orThrow();
        String apiKey = ApiKeys.generate(ApiKeys.HUMAN_PREFIX);
        HumanState human = commands.sendAndWait(new AddHuman(caller.orgId(), HumanId.generate(), request.name(),
                request.email(), role, ApiKeys.hash(apiKey), caller.actor()));
        return Data.of(new HumanCreatedJson(HumanJson.of(human), apiKey));
    }

    @GetMapping("/v1/humans")
    @Auth(AuthMode.HUMAN)
    public ListData<HumanJson> list(Caller caller, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        Page<HumanState> page = pagedQueries.page(new FindHumans(caller.orgId(), Pages.of(limit, cursor)));
        return ListData.of(page, HumanJson::of);
    }

    @GetMapping("/v1/humans/{id}")
    @Auth(AuthMode.HUMAN)
    public Data<HumanJson> get(Caller caller, @PathVariable String id) {
        return Data.of(HumanJson.of(humans.find(caller, id)));
    }

    /** Another org's human is a 404 whatever the body says (@ActsOn: also a body that does not parse). */
    @PatchMapping("/v1/humans/{id}")
    @Auth(AuthMode.ORG_ADMIN)
    @ActsOn(PathResource.HUMAN)
    public Data<HumanJson> changeRole(Caller caller, @PathVariable String id, @RequestBody ChangeRoleRequest request) {
        Validation validation = new Validation();
        validation.check(request.role() != null, "role", "is required");
        HumanRole role = validation.oneOf("role", request.role(), HumanRole.class, null);
        validation.orThrow();
        HumanState human = commands.sendAndWait(new ChangeHumanRole(caller.orgId(), HumanReader.humanId(id), role,
                caller.actor()));
        return Data.of(HumanJson.of(human));
    }

    /** Open to every human: the Organization lets a human rotate their own key, and an admin anyone's. */
    @PostMapping("/v1/humans/{id}/rotate-key")
    @Auth(AuthMode.HUMAN)
    public Data<RotatedHumanKeyJson> rotateKey(Caller caller, @PathVariable String id) {
        String apiKey = ApiKeys.generate(ApiKeys.HUMAN_PREFIX);
        commands.sendAndWait(new RotateHumanKey(caller.orgId(), HumanReader.humanId(id), ApiKeys.hash(apiKey), caller.actor()));
        return Data.of(new RotatedHumanKeyJson(apiKey));
    }

    @DeleteMapping("/v1/humans/{id}")
    @Auth(AuthMode.ORG_ADMIN)
    public Data<HumanJson> deactivate(Caller caller, @PathVariable String id) {
        HumanState human = commands.sendAndWait(new DeactivateHuman(caller.orgId(), HumanReader.humanId(id), caller.actor()));
        return Data.of(HumanJson.of(human));
    }

}
