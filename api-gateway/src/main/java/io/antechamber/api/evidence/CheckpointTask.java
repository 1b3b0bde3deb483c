package io.antechamber.api.evidence;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.antechamber.api.audit.AuditProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs {@link CheckpointWriter} every {@code audit.checkpoint-interval}, on one replica at a time (db-scheduler). */
@Configuration
public class CheckpointTask {

    @Bean
    public RecurringTask<Void> signAuditCheckpoints(CheckpointWriter writer, AuditProperties properties) {
        return Tasks.recurring("sign-audit-checkpoints", FixedDelay.of(properties.checkpointInterval()))
                .execute((instance, context) -> writer.writeDue());
    }
}
