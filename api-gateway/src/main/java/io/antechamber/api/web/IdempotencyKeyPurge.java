package io.antechamber.api.web;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Hourly removal of expired idempotency keys, run by db-scheduler on one replica at a time. */
@Configuration
public class IdempotencyKeyPurge {

    @Bean
    public RecurringTask<Void> purgeExpiredIdempotencyKeys(IdempotencyKeys keys) {
        return Tasks.recurring("purge-expired-idempotency-keys", FixedDelay.ofHours(1))
                .execute((instance, context) -> keys.purgeExpired());
    }
}
