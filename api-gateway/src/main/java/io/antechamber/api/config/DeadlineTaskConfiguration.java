package io.antechamber.api.config;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's deadline task for db-scheduler, retried soon after a failure. Axon's own task keeps db-scheduler's default
 * of retrying 5 min later, so a check-in whose timeout fell due while PostgreSQL was unavailable stayed pending for
 * 5 min after PostgreSQL was back. Here a failed deadline is tried again after 1 s, then at growing intervals.
 * Running it again is safe: the check-in ignores a timeout once it is resolved.
 */
@Configuration
public class DeadlineTaskConfiguration {

    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    /** Replaces Axon's bean of the same qualifier; the task keeps Axon's name and data, so stored deadlines run. */
    @Bean
    @Qualifier("deadlineDetailsTask")
    public Task<DbSchedulerBinaryDeadlineDetails> deadlineDetailsTask(ApplicationContext context) {
        Task<DbSchedulerBinaryDeadlineDetails> axon = DbSchedulerDeadlineManager.binaryTask(
                () -> context.getBean(DbSchedulerDeadlineManager.class));
        return Tasks.oneTime(axon.getName(), DbSchedulerBinaryDeadlineDetails.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(FIRST_RETRY))
                .execute(axon::execute);
    }
}
