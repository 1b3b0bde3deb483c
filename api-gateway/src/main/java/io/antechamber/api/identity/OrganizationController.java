package io.antechamber.api.identity;

import io.antechamber.api.auth.ApiKeys;
import io.antechamber.api.auth.Auth;
import io.antechamber.api.auth.AuthMode;
import io.antechamber.api.auth.Secret;
import io.antechamber.api.web.Data;
import io.antechamber.api.web.RequestLimits;
import io.antechamber.api.web.Validation;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.identity.CreateOrganization;
import io.antechamber.events.identity.HumanRole;
import io.antechamber.events.identity.HumanStatus;
import io.antechamber.events.room.CreateRoom;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Organizations, each with its owner (its first admin) and its {@code default} room. */
@RestController
public class OrganizationController {

    static final String DEFAULT_ROOM_SLUG = "default";

    private final CommandGateway commands;
    private final TransactionTemplate transaction;

    public OrganizationController(CommandGateway commands, TransactionTemplate transaction) {
        this.commands = commands;
        this.transaction = transaction;
    }

    public record OwnerRequest(String name, String email) {
    }

    public record CreateOrganizationRequest(String name, OwnerRequest owner) {
    }

    public record OrganizationJson(String id, String name, Instant createdAt) {
    }

    public record OrganizationCreatedJson(OrganizationJson org, HumanJson human, Secret apiKey) {

        OrganizationCreatedJson(OrganizationJson org, HumanJson human, String apiKey) {
            this(org, human, new Secret(apiKey));
        }
    }

    /** The org, its owner and its {@code default} room are created in one transaction: all of them, or none. */
    @PostMapping("/v1/orgs")
    @ResponseStatus(HttpStatus.CREATED)
    @Auth(AuthMode.ADMIN)
    public Data<OrganizationCreatedJson> create(@RequestBody CreateOrganizationRequest request) {
        Validation validation = new Validation();
        validation.text("name", request.name(), true, 1, RequestLimits.NAME_CHARS);
        validation.check(request.owner() != null, "owner", "is required");
        if (request.owner() != null) {
            validation.text("owner.name", request.owner().name(), true, 1, RequestLimits.NAME_CHARS);
            validation.text("owner.email", request.owner().email(), false, RequestLimits.EMAIL_MIN_CHARS,
                    RequestLimits.EMAIL_CHARS);
        }
        validation.orThrow();
        OrgId orgId = OrgId.generate();
        HumanId ownerId = HumanId.generate();
        String apiKey = ApiKeys.generate(ApiKeys.HUMAN_PREFIX);
        Instant now = Instant.now();
        transaction.executeWithoutResult(status -> {
            commands.sendAndWait(new CreateOrganization(orgId, request.name(), ownerId, request.owner().name(),
                    request.owner().email(), ApiKeys.hash(apiKey)));
            commands.sendAndWait(new CreateRoom(RoomId.generate(), orgId, DEFAULT_ROOM_SLUG, "Default", null,
                    Actor.human(ownerId)));
        });
        return Data.of(new OrganizationCreatedJson(new OrganizationJson(orgId.value(), request.name(), now),
                new HumanJson(ownerId.value(), orgId.value(), request.owner().name(), request.owner().email(),
                        HumanRole.ADMIN.wire(), HumanStatus.ACTIVE.wire(), now, now),
                apiKey));
    }
}
