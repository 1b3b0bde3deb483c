package io.antechamber.api.identity;

import io.antechamber.api.auth.ApiKeys;
import io.antechamber.api.auth.Auth;
import io.antechamber.api.auth.AuthMode;
import io.antechamber.api.auth.Caller;
import io.antechamber.api.auth.Secret;
import io.antechamber.api.web.Data;
import io.antechamber.api.web.ListData;
import io.antechamber.api.web.PagedQueries;
import io.antechamber.api.web.Pages;
import io.antechamber.api.web.ViewLookup;
import io.antechamber.api.web.RequestLimits;
import io.antechamber.api.web.Validation;
import io.antechamber.events.common.AgentId;
import io.antechamber.api.web.ApiException;
import io.antechamber.events.identity.AgentState;
import io.antechamber.events.identity.ClaimAgent;
import io.antechamber.events.identity.DeactivateAgent;
import io.antechamber.events.identity.RegisterAgent;
import io.antechamber.events.identity.RotateAgentKey;
import io.antechamber.events.identity.SelfRegisterAgent;
import io.antechamber.events.query.FindAgent;
import io.antechamber.events.query.FindAgents;
import io.antechamber.query.support.Page;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Agents: registered by an admin, or self-registered and claimed with a token by one; keys rotated or revoked by
 * admins.
 */
@RestController
public class AgentController {

    private final CommandGateway commands;
    private final PagedQueries pagedQueries;
    private final ViewLookup views;

    public AgentController(CommandGateway commands, PagedQueries pagedQueries, ViewLookup views) {
        this.commands = commands;
        this.pagedQueries = pagedQueries;
        this.views = views;
    }

    public record RegisterAgentRequest(String name, String description) {
    }

    public record ClaimRequest(Secret claimToken) {
    }

    public record AgentRegisteredJson(AgentJson agent, Secret apiKey, String keyPrefix) {

        AgentRegisteredJson(AgentJson agent, String apiKey, String keyPrefix) {
            this(agent, new Secret(apiKey), keyPrefix);
        }
    }

    public record AgentSelfRegisteredJson(AgentJson agent, Secret apiKey, Secret claimToken, String status) {

        AgentSelfRegisteredJson(AgentJson agent, String apiKey, String claimToken, String status) {
            this(agent, new Secret(apiKey), new Secret(claimToken), status);
        }
    }

    public record AgentClaimedJson(AgentJson agent) {
    }

    public record RotatedKeyJson(Secret apiKey, String keyPrefix) {

        RotatedKeyJson(String apiKey, String keyPrefix) {
            this(new Secret(apiKey), keyPrefix);
        }
    }

    @PostMapping("/v1/agents/register")
    @ResponseStatus(HttpStatus.CREATED)
    @Auth(AuthMode.ORG_ADMIN)
    public Data<AgentRegisteredJson> register(Caller caller, @RequestBody RegisterAgentRequest request) {
        validate(request);
        String apiKey = ApiKeys.generate(ApiKeys.AGENT_PREFIX);
        AgentState agent = commands.sendAndWait(new RegisterAgent(AgentId.generate(), caller.orgId(), request.name(),
                request.description(), ApiKeys.hash(apiKey), ApiKeys.visiblePrefix(apiKey), caller.actor()));
        return Data.of(new AgentRegisteredJson(AgentJson.of(agent), apiKey, agent.keyPrefix()));
    }

    @PostMapping("/v1/agents/self-register")
    @ResponseStatus(HttpStatus.CREATED)
    @Auth(AuthMode.NONE)
    public Data<AgentSelfRegisteredJson> selfRegister(@RequestBody RegisterAgentRequest request) {
        validate(request);
        String apiKey = ApiKeys.generate(ApiKeys.AGENT_PREFIX);
        String claimToken = ApiKeys.generate(ApiKeys.CLAIM_TOKEN_PREFIX);
        AgentState agent = commands.sendAndWait(new SelfRegisterAgent(AgentId.generate(), request.name(),
                request.description(), ApiKeys.hash(apiKey), ApiKeys.visiblePrefix(apiKey), ApiKeys.hash(claimToken)));
        return Data.of(new AgentSelfRegisteredJson(AgentJson.of(agent), apiKey, claimToken, agent.status().wire()));
    }

    @PostMapping("/v1/agents/claim")
    @Auth(AuthMode.ORG_ADMIN)
    public Data<AgentClaimedJson> claim(Caller caller, @RequestBody ClaimRequest request) {
        Validation validation = new Validation();
        String claimToken = Secret.valueOf(request.claimToken());
        validation.text("claim_token", claimToken, true, 1, RequestLimits.CLAIM_TOKEN_CHARS);
        validation.orThrow();
        AgentState agent = commands.sendAndWait(new ClaimAgent(ApiKeys.hash(claimToken), caller.orgId(),
                caller.actor()));
        return Data.of(new AgentClaimedJson(AgentJson.of(agent)));
    }

    @GetMapping("/v1/agents")
    @Auth(AuthMode.HUMAN)
    public ListData<AgentJson> list(Caller caller, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        Page<AgentState> page = pagedQueries.page(new FindAgents(caller.orgId(), Pages.of(limit, cursor)));
        return ListData.of(page, AgentJson::of);
    }

    @GetMapping("/v1/agents/{id}")
    @Auth(AuthMode.HUMAN)
    public Data<AgentJson> get(Caller caller, @PathVariable String id) {
        return Data.of(AgentJson.of(find(caller, id)));
    }

    @PostMapping("/v1/agents/{id}/rotate-key")
    @Auth(AuthMode.ORG_ADMIN)
    public Data<RotatedKeyJson> rotateKey(Caller caller, @PathVariable String id) {
        String apiKey = ApiKeys.generate(ApiKeys.AGENT_PREFIX);
        AgentState agent = commands.sendAndWait(new RotateAgentKey(agentId(id), caller.orgId(), ApiKeys.hash(apiKey),
                ApiKeys.visiblePrefix(apiKey), caller.actor()));
        return Data.of(new RotatedKeyJson(apiKey, agent.keyPrefix()));
    }

    @DeleteMapping("/v1/agents/{id}")
    @Auth(AuthMode.ORG_ADMIN)
    public Data<AgentJson> deactivate(Caller caller, @PathVariable String id) {
        AgentState agent = commands.sendAndWait(new DeactivateAgent(agentId(id), caller.orgId(), caller.actor()));
        return Data.of(AgentJson.of(agent));
    }

    private AgentState find(Caller caller, String id) {
        FindAgent query = new FindAgent(caller.orgId(), agentId(id));
        return views.one(query, AgentState.class, "agent");
    }

    private static AgentId agentId(String id) {
        if (!AgentId.isValid(id)) {
            throw ApiException.notFound("agent");
        }
        return new AgentId(id);
    }

    private static void validate(RegisterAgentRequest request) {
        Validation validation = new Validation();
        validation.text("name", request.name(), true, 1, RequestLimits.NAME_CHARS);
        validation.text("description", request.description(), false, 0,
                RequestLimits.AGENT_DESCRIPTION_CHARS);
        validation.orThrow();
    }
}
