package io.antechamber.command.watcher;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.antechamber.command.lookup.OrgAdmins;
import io.antechamber.command.lookup.RoomDirectory;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.DomainException;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RefusalCode;
import io.antechamber.events.watcher.DisableWatcher;
import io.antechamber.events.watcher.EnableWatcher;
import io.antechamber.events.watcher.RegisterWatcher;
import io.antechamber.events.watcher.RemoveWatcher;
import io.antechamber.events.watcher.RotateWatcherSecret;
import io.antechamber.events.watcher.WatcherAndSecret;
import io.antechamber.events.watcher.WatcherDisabled;
import io.antechamber.events.watcher.WatcherEnabled;
import io.antechamber.events.watcher.WatcherEvent;
import io.antechamber.events.watcher.WatcherId;
import io.antechamber.events.watcher.WatcherLimits;
import io.antechamber.events.watcher.WatcherRegistered;
import io.antechamber.events.watcher.WatcherRemoved;
import io.antechamber.events.watcher.WatcherSecretRotated;
import io.antechamber.events.watcher.WatcherState;
import io.antechamber.events.watcher.WatcherStatus;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * A room's webhook subscription. Its owner (who registered it) or an admin of its org manages it; the delivery side
 * disables it. Its secrets are issued through {@link WatcherSecrets} in the command's transaction and leave only as
 * the command's result: no event carries one. A removed watcher is gone for every command but a late disable, which
 * changes nothing.
 */
class Watcher {

    @AggregateIdentifier
    private WatcherId id;
    private WatcherState state;

    Watcher() {
        // for Axon
    }

    /** Agents register in rooms they are members of; humans in rooms they may act in (members, or the org's admins). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    WatcherAndSecret register(RegisterWatcher command, RoomDirectory rooms, WatcherTargets targets,
            WatcherSecrets secrets) {
        if (!rooms.mayActIn(command.roomId(), command.owner())) {
            throw new DomainException(RefusalCode.NOT_A_MEMBER, "only members of the room may watch it");
        }
        if (targets.registeredInRoom(command.roomId()) >= WatcherLimits.MAX_PER_ROOM) {
            throw new DomainException(RefusalCode.LIMIT_REACHED, "the room has " + WatcherLimits.MAX_PER_ROOM
                    + " watchers already; remove one first");
        }
        Instant now = GenericEventMessage.clock.instant();
        apply(new WatcherRegistered(command.watcherId(), command.roomId(), command.orgId(), command.owner(),
                command.webhookUrl(), command.eventTypes(), command.filter(), command.description(), now));
        return new WatcherAndSecret(state, secrets.issue(command.watcherId(), now));
    }

    @CommandHandler
    void handle(RemoveWatcher command, OrgAdmins admins) {
        requireManagedBy(command.orgId(), command.by(), admins, "remove");
        apply(new WatcherRemoved(id, state.roomId(), state.orgId(), command.by(), GenericEventMessage.clock.instant()));
    }

    /** The current secret keeps signing for {@link WatcherLimits#SECRET_OVERLAP} beside the new one. */
    @CommandHandler
    WatcherAndSecret handle(RotateWatcherSecret command, OrgAdmins admins, WatcherSecrets secrets) {
        requireManagedBy(command.orgId(), command.by(), admins, "rotate the secret of");
        Instant now = GenericEventMessage.clock.instant();
        Instant previousValidUntil = now.plus(WatcherLimits.SECRET_OVERLAP);
        apply(new WatcherSecretRotated(id, state.roomId(), state.orgId(), command.by(), now, previousValidUntil));
        return new WatcherAndSecret(state, secrets.rotate(id, now, previousValidUntil));
    }

    /** Enabling an active watcher changes nothing: the client gets the state it asked for. */
    @CommandHandler
    WatcherState handle(EnableWatcher command, OrgAdmins admins) {
        requireManagedBy(command.orgId(), command.by(), admins, "enable");
        if (state.status() == WatcherStatus.DISABLED) {
            apply(new WatcherEnabled(id, state.roomId(), state.orgId(), command.by(),
                    GenericEventMessage.clock.instant()));
        }
        return state;
    }

    /** From the delivery side, which may send it late or twice: only an active watcher changes. */
    @CommandHandler
    void handle(DisableWatcher command) {
        if (state.status() == WatcherStatus.ACTIVE) {
            apply(new WatcherDisabled(id, state.roomId(), state.orgId(), reason(command.reason()), command.at()));
        }
    }

    private void requireManagedBy(OrgId orgId, Actor by, OrgAdmins admins, String what) {
        if (!state.orgId().equals(orgId) || state.status() == WatcherStatus.REMOVED) {
            throw DomainException.notFound("watcher");
        }
        if (!state.isOwner(by) && !admins.isAdmin(orgId, by)) {
            throw new DomainException(RefusalCode.NOT_PERMITTED,
                    "only the watcher's owner or an admin of the organization may " + what + " it");
        }
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            return "disabled";
        }
        return reason.length() <= WatcherLimits.MAX_DISABLED_REASON_CHARS ? reason
                : reason.substring(0, WatcherLimits.MAX_DISABLED_REASON_CHARS);
    }

    @EventSourcingHandler
    void on(WatcherEvent event) {
        if (event instanceof WatcherRegistered e) {
            id = e.watcherId();
        }
        state = WatcherState.of(event, state);
    }
}
