package io.antechamber.api.identity;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.antechamber.api.config.AntechamberProperties;
import io.antechamber.command.lookup.UnclaimedAgents;
import io.antechamber.command.lookup.UnclaimedAgents.Registration;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.DomainException;
import io.antechamber.events.identity.RemoveUnclaimedAgent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Removes self-registered agents that nobody claimed within {@code unclaimed-agents.max-age}: a recurring db-scheduler
 * task, so one replica at a time runs it. Each agent is removed by a command to its aggregate, which refuses if a
 * claim won the race; the lookup tables drop the key and the claim token in the same transaction.
 */
@Configuration
public class UnclaimedAgentRemoval {

    private static final Logger log = LoggerFactory.getLogger(UnclaimedAgentRemoval.class);
    private static final int BATCH_SIZE = 100;

    @Bean
    public RecurringTask<Void> removeUnclaimedAgents(UnclaimedAgents unclaimed, CommandGateway commands,
            AntechamberProperties properties) {
        AntechamberProperties.UnclaimedAgentExpiry expiry = properties.unclaimedAgents();
        return Tasks.recurring("remove-unclaimed-agents", FixedDelay.of(expiry.checkInterval()))
                .execute((instance, context) -> removeOlderThan(expiry.maxAge(), unclaimed, commands));
    }

    static void removeOlderThan(Duration maxAge, UnclaimedAgents unclaimed, CommandGateway commands) {
        Instant cutoff = Instant.now().minus(maxAge);
        int removed = 0;
        Registration after = null;
        List<Registration> batch;
        do {
            batch = unclaimed.registeredBefore(cutoff, after, BATCH_SIZE);
            for (Registration agent : batch) {
                removed += remove(agent, commands) ? 1 : 0;
            }
            after = batch.isEmpty() ? after : batch.get(batch.size() - 1);
        } while (batch.size() == BATCH_SIZE);
        if (removed > 0) {
            log.info("removed {} self-registered agents unclaimed since before {}", removed, cutoff);
        }
    }

    private static boolean remove(Registration agent, CommandGateway commands) {
        try {
            commands.sendAndWait(new RemoveUnclaimedAgent(agent.agentId(), Actor.SYSTEM));
            return true;
        } catch (DomainException | AggregateNotFoundException e) {
            // claimed or removed meanwhile (a claim racing the removal wins)
            log.debug("agent {} not removed: {}", agent.agentId().value(), e.getMessage());
            return false;
        }
    }
}
