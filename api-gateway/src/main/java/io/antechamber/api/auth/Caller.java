package io.antechamber.api.auth;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.ActorType;
import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;

/**
 * The authenticated caller of a request. {@code credential} identifies the key used (its hash, or a fixed marker for
 * the admin token), for idempotency keys and rate limits; it is never the key itself.
 */
public record Caller(ActorType type, String id, OrgId orgId, String name, String credential) {

    public static Caller admin() {
        return new Caller(ActorType.ADMIN, null, null, "admin", "admin");
    }

    public static Caller anonymous() {
        return new Caller(null, null, null, null, null);
    }

    public Actor actor() {
        return new Actor(type, id);
    }

    public boolean isAgent() {
        return type == ActorType.AGENT;
    }

    public boolean isHuman() {
        return type == ActorType.HUMAN;
    }

    public AgentId agentId() {
        return new AgentId(id);
    }

    public HumanId humanId() {
        return new HumanId(id);
    }
}
