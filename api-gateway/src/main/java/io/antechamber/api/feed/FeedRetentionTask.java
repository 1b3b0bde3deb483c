package io.antechamber.api.feed;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs {@link FeedRetention} every {@code feed.retention-interval}, on one replica at a time (db-scheduler). */
@Configuration
public class FeedRetentionTask {

    @Bean
    public RecurringTask<Void> purgeRoomFeed(FeedRetention retention, FeedProperties properties) {
        return Tasks.recurring("purge-room-feed", FixedDelay.of(properties.retentionInterval()))
                .execute((instance, context) -> retention.purge());
    }
}
