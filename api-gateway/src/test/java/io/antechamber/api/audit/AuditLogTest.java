package io.antechamber.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi;
import io.antechamber.events.common.Actor;
import io.antechamber.verify.Sha256;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log through HTTP, on the real database: one entry per event of an organization, in a chain that verifies,
 * and verify naming the first bad entry when a row was altered, removed or inserted behind the application's back.
 */
class AuditLogTest extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private AuditChainWriter writer;

    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void a_day_of_activity_gives_exactly_one_entry_per_event_and_a_chain_that_verifies() {
        TestApi.Org org = api.newOrg();
        TestApi.Human reviewer = api.newHuman(org, "Rita");
        http.patch("/v1/humans/" + reviewer.id(), Map.of("role", "admin")).auth(org.humanKey()).send().expect(200);
        http.post("/v1/humans/" + reviewer.id() + "/rotate-key", null).auth(org.humanKey()).send().expect(200);
        TestApi.Room room = api.newRoom(org, "deploys");
        TestApi.Agent agent = api.memberAgent(org, room, "deployer");
        api.addMember(org, room, reviewer);
        api.putPolicy(org, room, Map.of("default_action", "require_approval", "default_timeout_ms", 60_000,
                "default_timeout_action", "cancel")).expect(200);
        String approved = api.pendingCheckIn(agent, room, "deploy api").get("id").asText();
        api.decide(org, approved, "approve", Map.of("reason", "looks fine")).expect(200);
        String rejected = api.pendingCheckIn(agent, room, "drop table").get("id").asText();
        api.decide(org, rejected, "reject", Map.of("reason", "no")).expect(200);
        String modified = api.pendingCheckIn(agent, room, "deploy web").get("id").asText();
        api.decide(org, modified, "modify", Map.of("modifications", Map.of("target", "staging"))).expect(200);
        String withdrawn = api.pendingCheckIn(agent, room, "restart").get("id").asText();
        http.delete("/v1/check-ins/" + withdrawn).auth(agent.key()).send().expect(200);
        http.post("/v1/check-ins/" + approved + "/messages", Map.of("type", "comment", "content", "done"))
                .auth(agent.key()).send().expect(201);
        String task = api.openTask(org, room, "rotate certificates");
        api.taskMove(agent, task, "claim", null).expect(200);
        api.taskMove(agent, task, "submit", Map.of("content", "rotated")).expect(200);
        api.decide(org, task, "approve", null).expect(200);
        http.post("/v1/rooms/" + room.id() + "/signals", Map.of("type", "freeze")).auth(org.humanKey()).send()
                .expect(201);
        String expired = api.checkIn(agent, room, Map.of("action", "wait", "timeout_ms", 1000, "timeout_action",
                "cancel")).expect(201).data().get("id").asText();
        http.post("/v1/agents/" + agent.id() + "/rotate-key", null).auth(org.humanKey()).send().expect(200);
        String watcher = api.watch(org.humanKey(), room).get("watcher").get("id").asText();
        api.eventually(http.get("/v1/check-ins/" + expired).auth(org.humanKey()),
                d -> d.get("status").asText().equals("expired"), Duration.ofSeconds(30));

        List<JsonNode> entries = awaitAllAudited(org);
        Set<String> events = eventIdsOf(org);
        assertThat(entries).hasSize(events.size());
        assertThat(entries).extracting(e -> e.get("event_id").asText()).containsExactlyInAnyOrderElementsOf(events);
        assertThat(entries).extracting(e -> e.get("seq").asLong())
                .containsExactlyElementsOf(descending(entries.size()));

        JsonNode approval = only(entries, "checkin.approved", approved);
        assertThat(approval.get("actor").get("type").asText()).isEqualTo("human");
        assertThat(approval.get("actor").get("id").asText()).isEqualTo(org.ownerId());
        assertThat(approval.get("room_id").asText()).isEqualTo(room.id());
        assertThat(approval.get("target").get("type").asText()).isEqualTo("check_in");
        assertThat(approval.get("changes").get("reason").asText()).isEqualTo("looks fine");
        assertThat(approval.get("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(entries).filteredOn(e -> e.get("action").asText().equals("trust.adjusted"))
                .extracting(e -> e.get("changes").get("check_in_id").asText())
                .containsExactlyInAnyOrder(approved, rejected, modified, expired);
        assertThat(entries).filteredOn(e -> e.get("action").asText().equals("trust.adjusted"))
                .allMatch(e -> e.get("actor").get("type").asText().equals("system")
                        && e.get("target").get("id").asText().equals(agent.id()));
        JsonNode created = only(entries, "org.created", org.id());
        assertThat(created.get("actor").get("type").asText()).isEqualTo("admin");
        assertThat(created.get("room_id").isNull()).isTrue();
        assertThat(only(entries, "task.approved", task).get("actor").get("id").asText()).isEqualTo(org.ownerId());
        assertThat(only(entries, "checkin.expired", expired).get("actor").get("type").asText()).isEqualTo("system");
        JsonNode registered = only(entries, "watcher.registered", watcher).get("changes");
        assertThat(registered.get("webhook_origin").asText()).isEqualTo("https://203.0.113.10");
        assertThat(registered.get("webhook_url_sha256").asText())
                .isEqualTo(Sha256.hex(TestApi.PUBLIC_WEBHOOK_URL.getBytes(StandardCharsets.UTF_8)));
        assertThat(entries.toString()).doesNotContain("/hooks/antechamber");
        assertThat(entries).extracting(e -> e.get("action").asText()).contains("human.added", "human.role_changed",
                "human.key_rotated", "agent.registered", "agent.key_rotated", "room.created", "room.member_added",
                "room.policy_updated", "checkin.created", "checkin.rejected", "checkin.modified", "checkin.withdrawn",
                "checkin.message", "task.posted", "task.claimed", "task.submitted", "signal.broadcast");
        assertThat(entries.toString()).doesNotContain("key_hash").doesNotContain("keyHash");

        JsonNode verified = http.get("/v1/audit/verify").auth(org.humanKey()).send().expect(200).data();
        assertThat(verified.get("ok").asBoolean()).isTrue();
        assertThat(verified.get("checked").asLong()).isEqualTo(entries.size());
        assertThat(verified.get("first_bad_seq").isNull()).isTrue();
    }

    @Test
    void filters_select_by_room_actor_target_action_and_time() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "filtered");
        TestApi.Agent agent = api.memberAgent(org, room, "a");
        String checkIn = api.pendingCheckIn(agent, room, "go").get("id").asText();
        api.decide(org, checkIn, "approve", null).expect(200);
        List<JsonNode> all = awaitAllAudited(org);

        assertThat(list(org, "?room=" + room.slug())).allMatch(e -> e.get("room_id").asText().equals(room.id()))
                .hasSize((int) all.stream().filter(e -> room.id().equals(e.get("room_id").asText(null))).count());
        assertThat(list(org, "?actor=" + agent.id())).extracting(e -> e.get("action").asText())
                .containsExactly("checkin.created");
        assertThat(list(org, "?actor=system")).extracting(e -> e.get("action").asText())
                .containsExactly("trust.adjusted");
        assertThat(list(org, "?target=" + checkIn)).extracting(e -> e.get("action").asText())
                .containsExactly("checkin.approved", "checkin.created");
        assertThat(list(org, "?action=room.member_added")).extracting(e -> e.get("target").get("id").asText())
                .containsExactly(agent.id());
        String approvedAt = list(org, "?action=checkin.approved").get(0).get("at").asText();
        assertThat(list(org, "?from=" + approvedAt)).extracting(e -> e.get("action").asText())
                .contains("checkin.approved").doesNotContain("org.created");
        assertThat(list(org, "?to=" + approvedAt)).extracting(e -> e.get("action").asText())
                .contains("org.created").doesNotContain("checkin.approved");
    }

    @Test
    void pages_go_from_newest_to_oldest_without_gaps() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "paged");
        api.memberAgent(org, room, "a");
        List<JsonNode> all = awaitAllAudited(org);
        List<Long> seqs = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = http.get("/v1/audit?limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .auth(org.humanKey()).send().expect(200).json();
            page.get("data").forEach(e -> seqs.add(e.get("seq").asLong()));
            assertThat(page.get("has_more").asBoolean()).isEqualTo(!page.get("cursor").isNull());
            cursor = page.get("cursor").isNull() ? null : page.get("cursor").asText();
        } while (cursor != null);
        assertThat(seqs).containsExactlyElementsOf(descending(all.size()));
    }

    @Test
    void bad_filters_are_refused_with_each_field_named() {
        TestApi.Org org = api.newOrg();
        Map<String, String> fields = http.get("/v1/audit?room=nope&actor=someone&target=x_1&action=check.in"
                        + "&from=yesterday&limit=0&cursor=zzz").auth(org.humanKey()).send()
                .expectError(400, "VALIDATION_ERROR").errorFields();
        assertThat(fields).containsOnlyKeys("room", "actor", "target", "action", "from", "limit", "cursor");
        assertThat(http.get("/v1/audit?from=2026-11-24T10:00:00.000Z&to=2026-11-24T09:00:00.000Z")
                .auth(org.humanKey()).send().expectError(400, "VALIDATION_ERROR").errorFields()).containsKey("to");
        assertThat(http.get("/v1/audit/verify?from_seq=5&to_seq=2").auth(org.humanKey()).send()
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsKey("to_seq");
        assertThat(http.get("/v1/audit/verify?from_seq=0").auth(org.humanKey()).send()
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsKey("from_seq");
    }

    @Test
    void another_organizations_entries_are_invisible() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "private");
        List<JsonNode> mine = awaitAllAudited(org);
        TestApi.Org other = api.newOrg();
        awaitAllAudited(other);

        assertThat(list(other, "")).allMatch(e -> e.get("org_id").asText().equals(other.id()));
        assertThat(list(other, "?target=" + room.id())).isEmpty();
        http.get("/v1/audit?room=" + room.id()).auth(other.humanKey()).send().expectError(400, "VALIDATION_ERROR");
        assertThat(mine).allMatch(e -> e.get("org_id").asText().equals(org.id()));
    }

    @Test
    void an_entry_altered_through_sql_is_named_by_verify() throws Exception {
        TestApi.Org org = smallHistory();
        asReplica("UPDATE audit_entries SET changes = '{\"name\":\"forged\"}' WHERE org_id = '" + org.id()
                + "' AND seq = 3");

        assertVerifyNames(org, 3);
    }

    @Test
    void an_entry_deleted_through_sql_is_named_by_its_missing_seq() throws Exception {
        TestApi.Org org = smallHistory();
        asReplica("DELETE FROM audit_entries WHERE org_id = '" + org.id() + "' AND seq = 2");

        assertVerifyNames(org, 2);
    }

    @Test
    void an_entry_inserted_through_sql_with_a_consistent_hash_still_names_no_stored_event() {
        TestApi.Org org = smallHistory();
        long size = jdbc.queryForObject("SELECT max(seq) FROM audit_entries WHERE org_id = ?", Long.class, org.id());
        AuditEntry last = jdbc.queryForObject("SELECT " + AuditEntries.COLUMNS + " FROM audit_entries "
                + "WHERE org_id = ? AND seq = ?", AuditEntries.ROW, org.id(), size);
        AuditEntry forged = new AuditEntry(org.id(), size + 1, "aud_forged00000000", "no-such-event", last.at(),
                "human", org.ownerId(), "human.deactivated", "human", org.ownerId(), null, "{}", last.hash(), null)
                .hashed();
        jdbc.update("INSERT INTO audit_entries (" + AuditEntries.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?)", forged.orgId(), forged.seq(), forged.id(), forged.eventId(),
                Timestamp.from(forged.at()), forged.actorType(), forged.actorId(), forged.action(),
                forged.targetType(), forged.targetId(), forged.roomId(), forged.changes(), forged.prevHash(),
                forged.hash());

        assertVerifyNames(org, size + 1);
    }

    @Test
    void a_tree_node_altered_through_sql_is_named_by_the_entry_that_completed_it() throws Exception {
        TestApi.Org org = smallHistory();
        asReplica("UPDATE audit_tree_nodes SET hash = sha256('forged') WHERE org_id = '" + org.id()
                + "' AND level = 1 AND idx = 1");

        assertVerifyNames(org, 4);
    }

    /**
     * Someone with the database rewrites the log from seq 4 on, every hash and tree node recomputed so the chain and
     * the tree agree with themselves: only a checkpoint signed before gives it away. The checkpoint is inserted here
     * as the checkpoint writer would have signed it (verify compares roots; signatures are the offline verifier's).
     */
    @Test
    void a_log_rewritten_with_every_hash_recomputed_is_caught_by_a_checkpoint_signed_before() throws Exception {
        TestApi.Org org = smallHistory();
        List<AuditEntry> original = jdbc.query("SELECT " + AuditEntries.COLUMNS + " FROM audit_entries "
                + "WHERE org_id = ? ORDER BY seq", AuditEntries.ROW, org.id());
        MerkleFrontier signed = MerkleFrontier.empty();
        original.forEach(e -> signed.append(e.hash()));
        jdbc.update("INSERT INTO audit_checkpoints (org_id, size, root_hash, at, key_id, signature) "
                + "VALUES (?, ?, ?, '2026-12-04T00:00:00.000Z', 'test', '\\x00') ON CONFLICT DO NOTHING", org.id(),
                (long) original.size(), signed.root());
        assertThat(http.get("/v1/audit/verify").auth(org.humanKey()).send().expect(200).data().get("ok").asBoolean())
                .isTrue();

        rewriteFrom(org, original, 4);

        Long lastCheckpointBefore = jdbc.queryForObject("SELECT max(size) FROM audit_checkpoints WHERE org_id = ? "
                + "AND size < 4", Long.class, org.id());
        assertVerifyNames(org, (lastCheckpointBefore == null ? 0 : lastCheckpointBefore) + 1);
    }

    private void rewriteFrom(TestApi.Org org, List<AuditEntry> original, long fromSeq) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            byte[] prevHash = original.get((int) fromSeq - 2).hash();
            MerkleFrontier tree = MerkleFrontier.empty();
            statement.execute("DELETE FROM audit_tree_nodes WHERE org_id = '" + org.id() + "'");
            for (AuditEntry e : original) {
                AuditEntry entry = e;
                if (e.seq() >= fromSeq) {
                    entry = new AuditEntry(e.orgId(), e.seq(), e.id(), e.eventId(), e.at(), e.actorType(),
                            e.actorId(), e.action(), e.targetType(), e.targetId(), e.roomId(),
                            e.seq() == fromSeq ? "{\"name\":\"forged\"}" : e.changes(), prevHash, null).hashed();
                    try (PreparedStatement update = connection.prepareStatement("UPDATE audit_entries "
                            + "SET changes = ?, prev_hash = ?, hash = ? WHERE org_id = ? AND seq = ?")) {
                        update.setString(1, entry.changes());
                        update.setBytes(2, entry.prevHash());
                        update.setBytes(3, entry.hash());
                        update.setString(4, entry.orgId());
                        update.setLong(5, entry.seq());
                        assertThat(update.executeUpdate()).isEqualTo(1);
                    }
                    prevHash = entry.hash();
                }
                for (MerkleFrontier.Node node : tree.append(entry.hash())) {
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_tree_nodes "
                            + "(org_id, level, idx, hash) VALUES (?, ?, ?, ?)")) {
                        insert.setString(1, org.id());
                        insert.setShort(2, (short) node.level());
                        insert.setLong(3, node.idx());
                        insert.setBytes(4, node.hash());
                        insert.executeUpdate();
                    }
                }
            }
            statement.execute("SET session_replication_role = origin");
        }
    }

    /** What a batch retried after a crash between its append and its commit, or a reset token, hands over again. */
    @Test
    void events_handed_to_the_appender_again_add_no_entry() {
        String org = "org_redelivered" + Long.toString(System.nanoTime(), 36);
        List<PendingEntry> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            batch.add(new PendingEntry("redelivered-" + org + "-" + i, new AuditedEvent(org, Instant.now(),
                    Actor.SYSTEM, "trust.adjusted", new AuditTarget(AuditTarget.AGENT, "agt_0000000000"), null,
                    JsonNodeFactory.instance.objectNode())));
        }
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        Integer first = transaction.execute(status -> writer.append(batch));
        Integer again = transaction.execute(status -> writer.append(batch.subList(1, 3)));
        Integer whole = transaction.execute(status -> writer.append(batch));

        assertThat(List.of(first, again, whole)).containsExactly(3, 0, 0);

        List<AuditEntry> written = jdbc.query("SELECT " + AuditEntries.COLUMNS + " FROM audit_entries "
                + "WHERE org_id = ? ORDER BY seq", AuditEntries.ROW, org);
        assertThat(written).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L);
        assertThat(written).allSatisfy(e -> assertThat(e.hash()).isEqualTo(e.hashed().hash()));
    }

    @Test
    void postgresql_refuses_to_update_delete_or_truncate_the_audit_tables() {
        TestApi.Org org = smallHistory();
        String whereOrg = " WHERE org_id = '" + org.id() + "'";
        for (String sql : List.of("UPDATE audit_entries SET action = 'x'" + whereOrg, "DELETE FROM audit_entries"
                + whereOrg, "TRUNCATE audit_entries", "UPDATE audit_tree_nodes SET idx = idx" + whereOrg,
                "DELETE FROM audit_tree_nodes" + whereOrg, "TRUNCATE audit_tree_nodes", "TRUNCATE audit_checkpoints")) {
            assertThatThrownBy(() -> jdbc.execute(sql)).as(sql).rootCause().hasMessageContaining("append-only");
        }
        JsonNode verified = http.get("/v1/audit/verify").auth(org.humanKey()).send().expect(200).data();
        assertThat(verified.get("ok").asBoolean()).isTrue();
    }

    @Test
    void verify_checks_a_range_of_seqs() {
        TestApi.Org org = smallHistory();
        JsonNode verified = http.get("/v1/audit/verify?from_seq=2&to_seq=4").auth(org.humanKey()).send().expect(200)
                .data();
        assertThat(verified.get("ok").asBoolean()).isTrue();
        assertThat(verified.get("checked").asLong()).isEqualTo(3);
    }

    /** An org with a room and three members: five entries or more. */
    private TestApi.Org smallHistory() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "small");
        api.memberAgent(org, room, "a");
        api.memberAgent(org, room, "b");
        assertThat(awaitAllAudited(org)).hasSizeGreaterThanOrEqualTo(5);
        assertThat(http.get("/v1/audit/verify").auth(org.humanKey()).send().expect(200).data().get("ok").asBoolean())
                .isTrue();
        return org;
    }

    private void assertVerifyNames(TestApi.Org org, long seq) {
        JsonNode verified = http.get("/v1/audit/verify").auth(org.humanKey()).send().expect(200).data();
        assertThat(verified.get("ok").asBoolean()).isFalse();
        assertThat(verified.get("first_bad_seq").asLong()).isEqualTo(seq);
    }

    /** Runs {@code sql} on a connection of its own that fires no triggers: how someone with the database would. */
    private void asReplica(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            try {
                assertThat(statement.executeUpdate(sql)).isEqualTo(1);
            } finally {
                statement.execute("SET session_replication_role = origin");
            }
        }
    }

    /** Every entry of the org, newest first, once there is one for each of its events (the appender trails). */
    private List<JsonNode> awaitAllAudited(TestApi.Org org) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM audit_entries WHERE org_id = ?", Long.class, org.id()) >= eventIdsOf(org).size());
        return list(org, "?limit=200");
    }

    private List<JsonNode> list(TestApi.Org org, String query) {
        JsonNode data = http.get("/v1/audit" + query).auth(org.humanKey()).send().expect(200).data();
        return StreamSupport.stream(data.spliterator(), false).toList();
    }

    /** The org's audited events, found in the store independently of the appender: by the org id in the payload. */
    private Set<String> eventIdsOf(TestApi.Org org) {
        return new HashSet<>(jdbc.queryForList("SELECT event_identifier FROM domain_event_entry "
                + "WHERE convert_from(payload, 'UTF8') LIKE ? "
                + "AND payload_type NOT LIKE 'io.antechamber.events.delivery.%'",
                String.class, "%\"orgId\":\"" + org.id() + "\"%"));
    }

    private static JsonNode only(List<JsonNode> entries, String action, String targetId) {
        List<JsonNode> found = entries.stream().filter(e -> e.get("action").asText().equals(action)
                && e.get("target").get("id").asText().equals(targetId)).toList();
        assertThat(found).as(action + " of " + targetId).hasSize(1);
        return found.get(0);
    }

    private static List<Long> descending(int size) {
        List<Long> seqs = new ArrayList<>();
        for (long seq = size; seq >= 1; seq--) {
            seqs.add(seq);
        }
        return seqs;
    }
}
