package io.antechamber.command.identity;

import io.antechamber.command.lookup.ClaimTokens;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;

/** Registers the Organization and Agent aggregates and the claim handler with Axon. */
public class IdentityModule implements ConfigurerModule {

    private final ClaimTokens claimTokens;

    public IdentityModule(ClaimTokens claimTokens) {
        this.claimTokens = claimTokens;
    }

    @Override
    public void configureModule(Configurer configurer) {
        AggregateConfigurer<Agent> agents = AggregateConfigurer.defaultConfiguration(Agent.class);
        configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Organization.class))
                .configureAggregate(agents)
                .registerCommandHandler(c -> new AgentClaimHandler(agents.repository(), claimTokens));
    }
}
