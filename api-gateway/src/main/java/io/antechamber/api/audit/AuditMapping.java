package io.antechamber.api.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antechamber.events.checkin.CheckInApproved;
import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.checkin.CheckInExpired;
import io.antechamber.events.checkin.CheckInModified;
import io.antechamber.events.checkin.CheckInRejected;
import io.antechamber.events.checkin.CheckInWithdrawn;
import io.antechamber.events.checkin.HelpRequested;
import io.antechamber.events.checkin.HelperJoined;
import io.antechamber.events.checkin.MessagePosted;
import io.antechamber.events.checkin.ResultSubmitted;
import io.antechamber.events.checkin.TaskApproved;
import io.antechamber.events.checkin.TaskClaimed;
import io.antechamber.events.checkin.TaskModified;
import io.antechamber.events.checkin.TaskPosted;
import io.antechamber.events.checkin.TaskRejected;
import io.antechamber.events.checkin.TaskReleased;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.delivery.DeliveryEvent;
import io.antechamber.events.feed.EventTypes;
import io.antechamber.events.identity.AgentClaimed;
import io.antechamber.events.identity.AgentDeactivated;
import io.antechamber.events.identity.AgentKeyRotated;
import io.antechamber.events.identity.AgentRegistered;
import io.antechamber.events.identity.AgentSelfRegistered;
import io.antechamber.events.identity.HumanAdded;
import io.antechamber.events.identity.HumanDeactivated;
import io.antechamber.events.identity.HumanKeyRotated;
import io.antechamber.events.identity.HumanRoleChanged;
import io.antechamber.events.identity.OrganizationCreated;
import io.antechamber.events.identity.UnclaimedAgentRemoved;
import io.antechamber.events.room.MemberAdded;
import io.antechamber.events.room.MemberRemoved;
import io.antechamber.events.room.PolicyUpdated;
import io.antechamber.events.room.RoomCreated;
import io.antechamber.events.room.SignalBroadcast;
import io.antechamber.events.trust.TrustAdjusted;
import io.antechamber.events.watcher.WatcherDisabled;
import io.antechamber.events.watcher.WatcherEnabled;
import io.antechamber.events.watcher.WatcherRegistered;
import io.antechamber.events.watcher.WatcherRemoved;
import io.antechamber.events.watcher.WatcherSecretRotated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which audit entry each event becomes, one rule per event class: who did it, the action, what it is about, its room
 * and which of its fields the entry already shows. The changes are the event's own fields (snake_case, as the API
 * writes JSON) less those, less {@code org_id}, {@code room_id} and {@code at} (columns of every entry), and less every
 * field whose name ends in {@code _hash}: key hashes are never shown, here or anywhere. A webhook URL is shown as its
 * origin and the sha256 of the whole URL: receivers often carry a token in the path or query, and the log keeps what
 * it is given for good, where rotating that token could not reach it.
 * <p>
 * An action is the real-time event name where API.md gives that event class a name of its own
 * ({@code checkin.approved}, {@code trust.adjusted}, …). A task shares the check-in names on the feed, but an auditor
 * tells an agent's check-in from a human's task, so a task's events are {@code task.*} here. Everything the feed does
 * not announce is named {@code <what>.<past tense>}.
 * <p>
 * Not audited: the events of no organization ({@link AgentSelfRegistered}, {@link UnclaimedAgentRemoved}: an
 * unclaimed agent belongs to nobody yet; its claim is audited) and the webhook deliveries' (operational, with a
 * delivery log of their own). AuditMappingTest fails for an event class that is neither mapped nor listed here.
 */
public final class AuditMapping {

    /** Event classes deliberately left out of the audit log. */
    private static final Set<Class<?>> NOT_AUDITED = Set.of(AgentSelfRegistered.class, UnclaimedAgentRemoved.class);
    /** A package whose events are left out of the audit log: webhook deliveries. */
    private static final String NOT_AUDITED_PACKAGE = DeliveryEvent.class.getPackageName();

    /** The fields every entry shows as columns. */
    private static final Set<String> ENTRY_FIELDS = Set.of("org_id", "room_id", "at");
    private static final String KEY_HASH_SUFFIX = "_hash";
    private static final String WEBHOOK_URL = "webhook_url";

    private static final Map<Class<?>, Rule<?>> RULES = rules(List.of(
            // check-ins, agent → human
            rule(CheckInCreated.class, EventTypes.CHECKIN_CREATED, CheckInCreated::orgId, CheckInCreated::createdBy,
                    e -> checkIn(e.checkInId()), CheckInCreated::roomId, CheckInCreated::at,
                    "check_in_id", "created_by"),
            rule(CheckInApproved.class, EventTypes.CHECKIN_APPROVED, CheckInApproved::orgId, CheckInApproved::by,
                    e -> checkIn(e.checkInId()), CheckInApproved::roomId, CheckInApproved::at, "check_in_id", "by"),
            rule(CheckInRejected.class, EventTypes.CHECKIN_REJECTED, CheckInRejected::orgId, CheckInRejected::by,
                    e -> checkIn(e.checkInId()), CheckInRejected::roomId, CheckInRejected::at, "check_in_id", "by"),
            rule(CheckInModified.class, EventTypes.CHECKIN_MODIFIED, CheckInModified::orgId, CheckInModified::by,
                    e -> checkIn(e.checkInId()), CheckInModified::roomId, CheckInModified::at, "check_in_id", "by"),
            rule(CheckInExpired.class, EventTypes.CHECKIN_EXPIRED, CheckInExpired::orgId, CheckInExpired::by,
                    e -> checkIn(e.checkInId()), CheckInExpired::roomId, CheckInExpired::at, "check_in_id", "by"),
            rule(CheckInWithdrawn.class, EventTypes.CHECKIN_WITHDRAWN, CheckInWithdrawn::orgId, CheckInWithdrawn::by,
                    e -> checkIn(e.checkInId()), CheckInWithdrawn::roomId, CheckInWithdrawn::at, "check_in_id", "by"),
            rule(MessagePosted.class, EventTypes.CHECKIN_MESSAGE, MessagePosted::orgId, MessagePosted::by,
                    e -> checkIn(e.checkInId()), MessagePosted::roomId, MessagePosted::at, "check_in_id", "by"),
            // tasks, human → agent
            rule(TaskPosted.class, "task.posted", TaskPosted::orgId, TaskPosted::by,
                    e -> checkIn(e.checkInId()), TaskPosted::roomId, TaskPosted::at, "check_in_id", "by"),
            rule(TaskClaimed.class, "task.claimed", TaskClaimed::orgId, TaskClaimed::by,
                    e -> checkIn(e.checkInId()), TaskClaimed::roomId, TaskClaimed::at, "check_in_id", "by"),
            rule(TaskReleased.class, "task.released", TaskReleased::orgId, TaskReleased::by,
                    e -> checkIn(e.checkInId()), TaskReleased::roomId, TaskReleased::at, "check_in_id", "by"),
            rule(HelpRequested.class, "task.help_requested", HelpRequested::orgId, HelpRequested::by,
                    e -> checkIn(e.checkInId()), HelpRequested::roomId, HelpRequested::at, "check_in_id", "by"),
            rule(HelperJoined.class, "task.helper_joined", HelperJoined::orgId, HelperJoined::by,
                    e -> checkIn(e.checkInId()), HelperJoined::roomId, HelperJoined::at, "check_in_id", "by"),
            rule(ResultSubmitted.class, "task.submitted", ResultSubmitted::orgId, ResultSubmitted::by,
                    e -> checkIn(e.checkInId()), ResultSubmitted::roomId, ResultSubmitted::at, "check_in_id", "by"),
            rule(TaskApproved.class, "task.approved", TaskApproved::orgId, TaskApproved::by,
                    e -> checkIn(e.checkInId()), TaskApproved::roomId, TaskApproved::at, "check_in_id", "by"),
            rule(TaskRejected.class, "task.rejected", TaskRejected::orgId, TaskRejected::by,
                    e -> checkIn(e.checkInId()), TaskRejected::roomId, TaskRejected::at, "check_in_id", "by"),
            rule(TaskModified.class, "task.modified", TaskModified::orgId, TaskModified::by,
                    e -> checkIn(e.checkInId()), TaskModified::roomId, TaskModified::at, "check_in_id", "by"),
            // the organization and its people
            rule(OrganizationCreated.class, "org.created", OrganizationCreated::orgId, e -> Actor.ADMIN,
                    e -> new AuditTarget(AuditTarget.ORG, e.orgId().value()), e -> null, OrganizationCreated::at),
            rule(HumanAdded.class, "human.added", HumanAdded::orgId, HumanAdded::by,
                    e -> new AuditTarget(AuditTarget.HUMAN, e.humanId().value()), e -> null, HumanAdded::at,
                    "human_id", "by"),
            rule(HumanRoleChanged.class, "human.role_changed", HumanRoleChanged::orgId, HumanRoleChanged::by,
                    e -> new AuditTarget(AuditTarget.HUMAN, e.humanId().value()), e -> null, HumanRoleChanged::at,
                    "human_id", "by"),
            rule(HumanKeyRotated.class, "human.key_rotated", HumanKeyRotated::orgId, HumanKeyRotated::by,
                    e -> new AuditTarget(AuditTarget.HUMAN, e.humanId().value()), e -> null, HumanKeyRotated::at,
                    "human_id", "by"),
            rule(HumanDeactivated.class, "human.deactivated", HumanDeactivated::orgId, HumanDeactivated::by,
                    e -> new AuditTarget(AuditTarget.HUMAN, e.humanId().value()), e -> null, HumanDeactivated::at,
                    "human_id", "by"),
            // agents
            rule(AgentRegistered.class, "agent.registered", AgentRegistered::orgId, AgentRegistered::by,
                    e -> new AuditTarget(AuditTarget.AGENT, e.agentId().value()), e -> null, AgentRegistered::at,
                    "agent_id", "by"),
            rule(AgentClaimed.class, "agent.claimed", AgentClaimed::orgId, AgentClaimed::by,
                    e -> new AuditTarget(AuditTarget.AGENT, e.agentId().value()), e -> null, AgentClaimed::at,
                    "agent_id", "by"),
            rule(AgentKeyRotated.class, "agent.key_rotated", AgentKeyRotated::orgId, AgentKeyRotated::by,
                    e -> new AuditTarget(AuditTarget.AGENT, e.agentId().value()), e -> null, AgentKeyRotated::at,
                    "agent_id", "by"),
            rule(AgentDeactivated.class, "agent.deactivated", AgentDeactivated::orgId, AgentDeactivated::by,
                    e -> new AuditTarget(AuditTarget.AGENT, e.agentId().value()), e -> null, AgentDeactivated::at,
                    "agent_id", "by"),
            // rooms: a membership is about the member, in the room
            rule(RoomCreated.class, "room.created", RoomCreated::orgId, RoomCreated::createdBy,
                    e -> room(e.roomId()), RoomCreated::roomId, RoomCreated::at, "created_by"),
            rule(MemberAdded.class, "room.member_added", MemberAdded::orgId, MemberAdded::by,
                    e -> member(e.member()), MemberAdded::roomId, MemberAdded::at, "member", "by"),
            rule(MemberRemoved.class, "room.member_removed", MemberRemoved::orgId, MemberRemoved::by,
                    e -> member(e.member()), MemberRemoved::roomId, MemberRemoved::at, "member", "by"),
            rule(PolicyUpdated.class, EventTypes.ROOM_POLICY_UPDATED, PolicyUpdated::orgId, PolicyUpdated::by,
                    e -> room(e.roomId()), PolicyUpdated::roomId, PolicyUpdated::at, "by"),
            rule(SignalBroadcast.class, EventTypes.SIGNAL_BROADCAST, SignalBroadcast::orgId, SignalBroadcast::by,
                    e -> new AuditTarget(AuditTarget.SIGNAL, e.signalId().value()), SignalBroadcast::roomId,
                    SignalBroadcast::at, "signal_id", "by"),
            // trust moves by itself, when a check-in resolves: the ledger id is the agent in the room, both shown
            rule(TrustAdjusted.class, EventTypes.TRUST_ADJUSTED, TrustAdjusted::orgId, e -> Actor.SYSTEM,
                    e -> new AuditTarget(AuditTarget.AGENT, e.agentId().value()), TrustAdjusted::roomId,
                    TrustAdjusted::at, "ledger_id", "agent_id"),
            // watchers; a receiver answering 410 Gone disables its watcher, no one in particular does
            rule(WatcherRegistered.class, "watcher.registered", WatcherRegistered::orgId, WatcherRegistered::owner,
                    e -> watcher(e.watcherId().value()), WatcherRegistered::roomId, WatcherRegistered::at,
                    "watcher_id", "owner"),
            rule(WatcherRemoved.class, "watcher.removed", WatcherRemoved::orgId, WatcherRemoved::by,
                    e -> watcher(e.watcherId().value()), WatcherRemoved::roomId, WatcherRemoved::at,
                    "watcher_id", "by"),
            rule(WatcherDisabled.class, "watcher.disabled", WatcherDisabled::orgId, e -> Actor.SYSTEM,
                    e -> watcher(e.watcherId().value()), WatcherDisabled::roomId, WatcherDisabled::at, "watcher_id"),
            rule(WatcherEnabled.class, "watcher.enabled", WatcherEnabled::orgId, WatcherEnabled::by,
                    e -> watcher(e.watcherId().value()), WatcherEnabled::roomId, WatcherEnabled::at,
                    "watcher_id", "by"),
            rule(WatcherSecretRotated.class, "watcher.secret_rotated", WatcherSecretRotated::orgId,
                    WatcherSecretRotated::by, e -> watcher(e.watcherId().value()), WatcherSecretRotated::roomId,
                    WatcherSecretRotated::at, "watcher_id", "by")));

    /** Every action an entry can have, sorted. */
    public static final Set<String> ACTIONS = Collections.unmodifiableSet(new TreeSet<>(
            RULES.values().stream().map(Rule::action).toList()));

    private AuditMapping() {
    }

    /** The event classes that become audit entries. */
    public static Set<Class<?>> auditedClasses() {
        return RULES.keySet();
    }

    /** Whether this class is left out on purpose ({@link #NOT_AUDITED}, {@link #NOT_AUDITED_PACKAGE}). */
    static boolean isLeftOut(Class<?> type) {
        return NOT_AUDITED.contains(type) || type.getPackageName().equals(NOT_AUDITED_PACKAGE);
    }

    /**
     * The entry an event becomes, or empty for an event left out on purpose. An event class that is neither is a
     * programming error: failing keeps the log from silently missing a kind of change.
     *
     * @param storedAt when the event was stored: the entry's time for an event that does not say when it happened
     * @param json     the API's ObjectMapper: changes are written as the API writes JSON (snake_case, ISO timestamps)
     */
    public static Optional<AuditedEvent> of(Object event, Instant storedAt, ObjectMapper json) {
        Rule<?> rule = RULES.get(event.getClass());
        if (rule == null) {
            if (isLeftOut(event.getClass())) {
                return Optional.empty();
            }
            throw new IllegalStateException("no audit mapping for " + event.getClass().getName());
        }
        return Optional.of(rule.apply(event, storedAt, json));
    }

    /** The fields of {@code type}'s JSON that its rule leaves out of the changes (tests check they exist). */
    static Set<String> shownElsewhere(Class<?> type) {
        return RULES.get(type).shownElsewhere();
    }

    private static AuditTarget checkIn(CheckInId id) {
        return new AuditTarget(AuditTarget.CHECK_IN, id.value());
    }

    private static AuditTarget room(RoomId id) {
        return new AuditTarget(AuditTarget.ROOM, id.value());
    }

    private static AuditTarget watcher(String id) {
        return new AuditTarget(AuditTarget.WATCHER, id);
    }

    private static AuditTarget member(Actor member) {
        return new AuditTarget(member.type().wire(), member.id());
    }

    private static <E> Rule<E> rule(Class<E> type, String action, Function<E, OrgId> org, Function<E, Actor> actor,
            Function<E, AuditTarget> target, Function<E, RoomId> room, Function<E, Instant> at,
            String... shownElsewhere) {
        return new Rule<>(type, action, org, actor, target, room, at, Set.of(shownElsewhere));
    }

    private static Map<Class<?>, Rule<?>> rules(List<Rule<?>> rules) {
        Map<Class<?>, Rule<?>> byType = new LinkedHashMap<>();
        for (Rule<?> rule : rules) {
            if (byType.put(rule.type(), rule) != null) {
                throw new IllegalStateException("two audit rules for " + rule.type().getName());
            }
        }
        return Collections.unmodifiableMap(byType);
    }

    private record Rule<E>(Class<E> type, String action, Function<E, OrgId> org, Function<E, Actor> actor,
            Function<E, AuditTarget> target, Function<E, RoomId> room, Function<E, Instant> at,
            Set<String> shownElsewhere) {

        AuditedEvent apply(Object event, Instant storedAt, ObjectMapper json) {
            E typed = type.cast(event);
            ObjectNode changes = json.valueToTree(typed);
            changes.remove(ENTRY_FIELDS);
            changes.remove(shownElsewhere);
            changes.remove(keyHashes(changes));
            if (changes.hasNonNull(WEBHOOK_URL)) {
                WebhookUrlFingerprint url = WebhookUrlFingerprint.of(changes.remove(WEBHOOK_URL).asText());
                changes.put("webhook_origin", url.origin());
                changes.put("webhook_url_sha256", url.sha256());
            }
            RoomId roomId = room.apply(typed);
            Instant said = at.apply(typed);
            Instant happened = said == null ? storedAt : said;
            return new AuditedEvent(org.apply(typed).value(), happened,
                    actor.apply(typed), action, target.apply(typed), roomId == null ? null : roomId.value(), changes);
        }

        private static List<String> keyHashes(ObjectNode changes) {
            List<String> names = new ArrayList<>();
            changes.fieldNames().forEachRemaining(name -> {
                if (name.endsWith(KEY_HASH_SUFFIX)) {
                    names.add(name);
                }
            });
            return names;
        }
    }
}
