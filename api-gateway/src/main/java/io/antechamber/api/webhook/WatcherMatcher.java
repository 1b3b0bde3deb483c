package io.antechamber.api.webhook;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.antechamber.api.feed.FeedAppendListener;
import io.antechamber.api.feed.FeedEntry;
import io.antechamber.command.watcher.ActiveWatcher;
import io.antechamber.command.watcher.WatcherTargets;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.delivery.RequestDelivery;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DisallowReplay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns each new feed entry into a delivery for every active watcher of its room that wants it, in the feed writer's
 * transaction: the entry and its deliveries (and their first attempts, scheduled by the saga) commit together or not
 * at all. A delivery's id is derived from watcher and entry, so an entry handed over again finds its delivery.
 */
@Component
@DisallowReplay
public class WatcherMatcher implements FeedAppendListener {

    private final WatcherTargets watchers;
    private final CommandGateway commands;
    private final ObjectProvider<Scheduler> scheduler;

    public WatcherMatcher(WatcherTargets watchers, CommandGateway commands, ObjectProvider<Scheduler> scheduler) {
        this.watchers = watchers;
        this.commands = commands;
        this.scheduler = scheduler;
    }

    @Override
    public void appended(FeedEntry entry) {
        RoomId roomId = new RoomId(entry.roomId());
        boolean requested = false;
        for (ActiveWatcher watcher : watchers.activeInRoom(roomId)) {
            if (WatcherMatch.matches(watcher, entry)) {
                commands.sendAndWait(RequestDelivery.of(watcher.id(), roomId, new OrgId(entry.orgId()), entry.seq(),
                        entry.type()));
                requested = true;
            }
        }
        if (requested) {
            attemptSoonAfterCommit();
        }
    }

    /**
     * The first attempt is a deadline due now, but db-scheduler only sees it once the transaction commits: without a
     * nudge it would wait for the next poll (db-scheduler.polling-interval).
     */
    private void attemptSoonAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                scheduler.ifAvailable(Scheduler::triggerCheckForDueExecutions);
            }
        });
    }
}
