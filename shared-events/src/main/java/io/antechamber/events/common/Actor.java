package io.antechamber.events.common;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;

/** Who did something: an agent, a human, the operator (admin) or the system itself (timeouts). */
public record Actor(ActorType type, String id) {

    public static final Actor SYSTEM = new Actor(ActorType.SYSTEM, null);
    public static final Actor ADMIN = new Actor(ActorType.ADMIN, null);

    public Actor {
        Objects.requireNonNull(type, "type");
    }

    public static Actor agent(AgentId id) {
        return new Actor(ActorType.AGENT, id.value());
    }

    public static Actor human(HumanId id) {
        return new Actor(ActorType.HUMAN, id.value());
    }

    @JsonIgnore
    public boolean isAgent() {
        return type == ActorType.AGENT;
    }

    @JsonIgnore
    public boolean isHuman() {
        return type == ActorType.HUMAN;
    }
}
