package io.antechamber.api.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.TestApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Rooms and their members: create, list, read by id or slug, add and remove members, and who may do what. */
class RoomApiTest extends IntegrationTest {

    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    private Response createRoom(String key, Map<String, Object> body) {
        return http.post("/v1/rooms", body).auth(key).send();
    }

    private Response addMember(TestApi.Org org, String room, Map<String, Object> body) {
        return http.post("/v1/rooms/" + room + "/members", body).auth(org.humanKey()).send();
    }

    private Response removeMember(TestApi.Org org, String room, String memberId) {
        return http.delete("/v1/rooms/" + room + "/members/" + memberId).auth(org.humanKey()).send();
    }

    // --- create -----------------------------------------------------------------------------------------------

    @Test
    void a_human_creates_a_room_with_the_initial_policy_and_the_owner_as_member() {
        TestApi.Org org = api.newOrg();

        JsonNode room = createRoom(org.humanKey(), Map.of("name", "Operations", "slug", "ops",
                "description", "deploys and restarts")).expect(201).data();

        assertThat(room.get("id").asText()).matches("room_[0-9a-z]{10,}");
        assertThat(room.get("org_id").asText()).isEqualTo(org.id());
        assertThat(room.get("slug").asText()).isEqualTo("ops");
        assertThat(room.get("name").asText()).isEqualTo("Operations");
        assertThat(room.get("description").asText()).isEqualTo("deploys and restarts");
        assertThat(room.get("created_by").get("type").asText()).isEqualTo("human");
        assertThat(room.get("created_by").get("id").asText()).isEqualTo(org.ownerId());
        assertThat(room.get("created_at").asText()).matches(TIMESTAMP);
        assertThat(room.get("policy_version").asInt()).isEqualTo(1);
        assertThat(room.get("members")).hasSize(1);
        assertThat(room.get("members").get(0).get("type").asText()).isEqualTo("human");
        assertThat(room.get("members").get(0).get("id").asText()).isEqualTo(org.ownerId());
    }

    @Test
    void a_room_created_by_another_admin_has_its_creator_as_its_only_member() {
        TestApi.Org org = api.newOrg();
        TestApi.Human colleague = api.newHuman(org, "Grace", "admin");

        JsonNode room = createRoom(colleague.key(), Map.of("name", "Grace's", "slug", "grace")).expect(201).data();

        assertThat(room.get("created_by").get("id").asText()).isEqualTo(colleague.id());
        List<String> members = new ArrayList<>();
        room.get("members").forEach(m -> members.add(m.get("id").asText()));
        assertThat(members).containsExactly(colleague.id());
    }

    @Test
    void a_room_filter_with_a_nul_character_is_refused_not_a_server_error() {
        TestApi.Org org = api.newOrg();

        http.get("/v1/audit?room=a%00b").auth(org.humanKey()).send().expectError(400, "VALIDATION_ERROR");
    }

    @Test
    void a_reviewer_cannot_create_a_room() {
        TestApi.Org org = api.newOrg();
        TestApi.Human reviewer = api.newHuman(org, "Rita");

        createRoom(reviewer.key(), Map.of("name", "Rita's", "slug", "rita")).expectError(403, "FORBIDDEN");

        http.get("/v1/rooms/rita").auth(org.humanKey()).send().expectError(404, "NOT_FOUND");
    }

    @Test
    void a_slug_already_used_in_the_org_is_a_conflict() {
        TestApi.Org org = api.newOrg();
        api.newRoom(org, "ops");

        createRoom(org.humanKey(), Map.of("name", "Ops again", "slug", "ops")).expectError(409, "CONFLICT");
    }

    @Test
    void the_default_slug_is_taken_in_every_new_org() {
        TestApi.Org org = api.newOrg();

        createRoom(org.humanKey(), Map.of("name", "Another default", "slug", "default"))
                .expectError(409, "CONFLICT");
    }

    @Test
    void the_same_slug_in_another_org_is_fine() {
        TestApi.Org first = api.newOrg();
        TestApi.Org second = api.newOrg();
        TestApi.Room mine = api.newRoom(first, "ops");

        TestApi.Room theirs = api.newRoom(second, "ops");

        assertThat(theirs.id()).isNotEqualTo(mine.id());
        assertThat(http.get("/v1/rooms/ops").auth(first.humanKey()).send().expect(200).data().get("id").asText())
                .isEqualTo(mine.id());
        assertThat(http.get("/v1/rooms/ops").auth(second.humanKey()).send().expect(200).data().get("id").asText())
                .isEqualTo(theirs.id());
    }

    @Test
    void a_slug_of_sixty_three_characters_is_fine() {
        TestApi.Org org = api.newOrg();

        createRoom(org.humanKey(), Map.of("name", "long", "slug", "a".repeat(63))).expect(201);
    }

    @ParameterizedTest(name = "slug \"{0}\"")
    @ValueSource(strings = {"Ops", "with space", "-leading-dash", "", "under_score", "room_0123456789abcdef",
            "ünïcode", "dots.in.slug"})
    void a_bad_slug_is_a_validation_error(String slug) {
        TestApi.Org org = api.newOrg();

        JsonNode error = createRoom(org.humanKey(), Map.of("name", "x", "slug", slug))
                .expectError(400, "VALIDATION_ERROR").json().get("error");

        assertThat(error.get("details").get("fields").has("slug")).as("fields of %s", error).isTrue();
    }

    @Test
    void a_slug_of_sixty_four_characters_is_a_validation_error() {
        TestApi.Org org = api.newOrg();

        createRoom(org.humanKey(), Map.of("name", "x", "slug", "a".repeat(64))).expectError(400, "VALIDATION_ERROR");
    }

    static Stream<Arguments> invalidRoomBodies() {
        return Stream.of(
                Arguments.of("missing slug", Map.of("name", "x"), "slug"),
                Arguments.of("missing name", Map.of("slug", "x"), "name"),
                Arguments.of("blank name", Map.of("name", " ", "slug", "x"), "name"),
                Arguments.of("slug is a number", Map.of("name", "x", "slug", Map.of("a", 1)), "slug"),
                Arguments.of("description too long", Map.of("name", "x", "slug", "x", "description",
                        "d".repeat(5001)), "description"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRoomBodies")
    void an_invalid_room_body_is_a_validation_error_naming_the_field(String why, Map<String, Object> body,
            String field) {
        TestApi.Org org = api.newOrg();

        JsonNode error = createRoom(org.humanKey(), body).expectError(400, "VALIDATION_ERROR").json().get("error");

        assertThat(error.get("details").get("fields").has(field)).as("fields of %s", error).isTrue();
    }

    @Test
    void a_room_creation_retried_with_the_same_idempotency_key_returns_the_first_room() {
        TestApi.Org org = api.newOrg();

        Response first = http.post("/v1/rooms", Map.of("name", "Ops", "slug", "ops")).auth(org.humanKey())
                .header("Idempotency-Key", "create-ops").send().expect(201);
        Response retry = http.post("/v1/rooms", Map.of("name", "Ops", "slug", "ops")).auth(org.humanKey())
                .header("Idempotency-Key", "create-ops").send();

        assertThat(retry.status()).as(retry.text()).isEqualTo(201);
        assertThat(retry.data().get("id").asText()).isEqualTo(first.data().get("id").asText());
    }

    @Test
    void an_agent_cannot_create_a_room() {
        TestApi.Org org = api.newOrg();
        TestApi.Agent agent = api.newAgent(org, "ambitious");

        createRoom(agent.key(), Map.of("name", "mine", "slug", "mine")).expectError(403, "FORBIDDEN");

        http.get("/v1/rooms/mine").auth(org.humanKey()).send().expectError(404, "NOT_FOUND");
    }

    @Test
    void creating_a_room_without_credentials_is_unauthorized() {
        http.post("/v1/rooms", Map.of("name", "x", "slug", "x")).send().expectError(401, "UNAUTHORIZED");
    }

    // --- list and read ----------------------------------------------------------------------------------------

    @Test
    void the_room_list_is_paginated_and_walks_every_room_of_the_org_once() {
        TestApi.Org org = api.newOrg();
        api.newRoom(org, "one");
        api.newRoom(org, "two");
        api.newRoom(org, "three");
        api.newRoom(api.newOrg(), "elsewhere");
        api.eventually(http.get("/v1/rooms").auth(org.humanKey()), list -> list.size() == 4);

        List<String> walked = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 10; page++) {
            String path = "/v1/rooms?limit=1" + (cursor == null ? ""
                    : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode body = http.get(path).auth(org.humanKey()).send().expect(200).json();
            assertThat(body.get("data")).hasSize(1);
            walked.add(body.get("data").get(0).get("slug").asText());
            if (!body.get("has_more").asBoolean()) {
                assertThat(body.get("cursor").isNull()).isTrue();
                break;
            }
            cursor = body.get("cursor").asText();
        }

        assertThat(walked).containsExactly("default", "one", "two", "three");
    }

    @Test
    void a_full_page_of_rooms_says_there_is_no_more() {
        TestApi.Org org = api.newOrg();
        api.newRoom(org, "one");
        api.eventually(http.get("/v1/rooms").auth(org.humanKey()), list -> list.size() == 2);

        JsonNode body = http.get("/v1/rooms?limit=2").auth(org.humanKey()).send().expect(200).json();

        assertThat(body.get("data")).hasSize(2);
        assertThat(body.get("has_more").asBoolean()).isFalse();
        assertThat(body.get("cursor").isNull()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"limit=0", "limit=201", "cursor=garbage!!"})
    void bad_paging_parameters_are_validation_errors(String query) {
        TestApi.Org org = api.newOrg();

        http.get("/v1/rooms?" + query).auth(org.humanKey()).send().expectError(400, "VALIDATION_ERROR");
    }

    @Test
    void an_agent_of_the_org_lists_and_reads_rooms() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.newAgent(org, "reader");

        api.eventually(http.get("/v1/rooms").auth(agent.key()), list -> list.size() == 2);
        assertThat(http.get("/v1/rooms/" + room.id()).auth(agent.key()).send().expect(200).data().get("slug")
                .asText()).isEqualTo("ops");
    }

    @Test
    void a_room_is_read_by_id_and_by_slug_alike() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");

        JsonNode byId = http.get("/v1/rooms/" + room.id()).auth(org.humanKey()).send().expect(200).data();
        JsonNode bySlug = http.get("/v1/rooms/ops").auth(org.humanKey()).send().expect(200).data();

        assertThat(byId.get("id").asText()).isEqualTo(room.id());
        assertThat(bySlug).isEqualTo(byId);
    }

    @Test
    void another_orgs_room_is_not_found_by_id_or_by_slug() {
        TestApi.Org org = api.newOrg();
        TestApi.Org other = api.newOrg();
        TestApi.Room theirs = api.newRoom(other, "secret-plans");

        http.get("/v1/rooms/" + theirs.id()).auth(org.humanKey()).send().expectError(404, "NOT_FOUND");
        http.get("/v1/rooms/secret-plans").auth(org.humanKey()).send().expectError(404, "NOT_FOUND");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"no-such-room", "room_0000000000", "room_", "ROOM"})
    void an_unknown_room_is_not_found(String room) {
        TestApi.Org org = api.newOrg();

        http.get("/v1/rooms/" + room).auth(org.humanKey()).send().expectError(404, "NOT_FOUND");
    }

    // --- members ----------------------------------------------------------------------------------------------

    @Test
    void adding_an_agent_makes_it_a_member() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.newAgent(org, "joiner");

        JsonNode data = addMember(org, room.id(), Map.of("agent_id", agent.id())).expect(201).data();

        assertThat(data.get("room_id").asText()).isEqualTo(room.id());
        assertThat(data.get("member").get("type").asText()).isEqualTo("agent");
        assertThat(data.get("member").get("id").asText()).isEqualTo(agent.id());
        assertThat(data.get("member").get("joined_at").asText()).matches(TIMESTAMP);
        api.eventually(http.get("/v1/rooms/" + room.id()).auth(org.humanKey()),
                r -> hasMember(r, agent.id()));
        api.pendingCheckIn(agent, room, "now a member");
    }

    @Test
    void members_are_added_through_the_slug_too() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.newAgent(org, "joiner");

        addMember(org, "ops", Map.of("agent_id", agent.id())).expect(201);

        api.pendingCheckIn(agent, room, "joined by slug");
    }

    @Test
    void adding_a_human_colleague_makes_them_a_member() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Human colleague = api.newHuman(org, "Grace");

        JsonNode data = addMember(org, room.id(), Map.of("human_id", colleague.id())).expect(201).data();

        assertThat(data.get("member").get("type").asText()).isEqualTo("human");
        assertThat(data.get("member").get("id").asText()).isEqualTo(colleague.id());
    }

    @Test
    void adding_the_same_agent_again_is_a_conflict() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "joiner");

        addMember(org, room.id(), Map.of("agent_id", agent.id())).expectError(409, "CONFLICT");
    }

    @Test
    void adding_the_owner_again_is_a_conflict() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");

        addMember(org, room.id(), Map.of("human_id", org.ownerId())).expectError(409, "CONFLICT");
    }

    @Test
    void adding_an_agent_of_another_org_is_not_found() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent foreign = api.newAgent(api.newOrg(), "foreign");

        addMember(org, room.id(), Map.of("agent_id", foreign.id())).expectError(404, "NOT_FOUND");

        api.checkIn(foreign, room, Map.of("action", "sneak in")).expectError(404, "NOT_FOUND");
    }

    @Test
    void adding_a_human_of_another_org_is_not_found() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Org other = api.newOrg();

        addMember(org, room.id(), Map.of("human_id", other.ownerId())).expectError(404, "NOT_FOUND");
    }

    @Test
    void adding_an_unknown_agent_is_not_found() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");

        addMember(org, room.id(), Map.of("agent_id", "agt_0000000000")).expectError(404, "NOT_FOUND");
        addMember(org, room.id(), Map.of("human_id", "hum_0000000000")).expectError(404, "NOT_FOUND");
    }

    @Test
    void adding_a_still_unclaimed_agent_is_not_found() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        String agentId = http.post("/v1/agents/self-register", Map.of("name", "stray")).send().expect(201).data()
                .get("agent").get("id").asText();

        addMember(org, room.id(), Map.of("agent_id", agentId)).expectError(404, "NOT_FOUND");
    }

    @Test
    void adding_a_member_to_another_orgs_room_is_not_found() {
        TestApi.Org org = api.newOrg();
        TestApi.Agent agent = api.newAgent(org, "joiner");
        TestApi.Room theirs = api.newRoom(api.newOrg(), "theirs");

        addMember(org, theirs.id(), Map.of("agent_id", agent.id())).expectError(404, "NOT_FOUND");
    }

    static Stream<Arguments> invalidMemberBodies() {
        Map<String, Object> both = new HashMap<>();
        both.put("agent_id", "agt_0000000000");
        both.put("human_id", "hum_0000000000");
        return Stream.of(
                Arguments.of("both agent_id and human_id", both),
                Arguments.of("neither", Map.of()),
                Arguments.of("a malformed agent id", Map.of("agent_id", "bob")),
                Arguments.of("a human id given as agent_id", Map.of("agent_id", "hum_0000000000")),
                Arguments.of("a malformed human id", Map.of("human_id", "agt_0000000000")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidMemberBodies")
    void an_invalid_member_body_is_a_validation_error(String why, Map<String, Object> body) {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");

        JsonNode error = addMember(org, room.id(), body).expectError(400, "VALIDATION_ERROR").json().get("error");

        assertThat(error.get("details").get("fields")).as("fields of %s", error).isNotEmpty();
    }

    @Test
    void of_ten_racing_additions_of_one_agent_exactly_one_succeeds() throws Exception {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.newAgent(org, "popular");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Response> responses = new ArrayList<>();
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return addMember(org, room.id(), Map.of("agent_id", agent.id()));
                }));
            }
            start.countDown();
            for (Future<Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(responses).filteredOn(r -> r.status() == 201).as("responses %s", responses).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() != 201).allSatisfy(r -> r.expectError(409, "CONFLICT"));
        JsonNode read = api.eventually(http.get("/v1/rooms/" + room.id()).auth(org.humanKey()),
                r -> hasMember(r, agent.id()));
        assertThat(read.get("members")).filteredOn(m -> m.get("id").asText().equals(agent.id())).hasSize(1);
    }

    @Test
    void a_removed_agent_can_no_longer_check_in_there() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "leaver");

        Response removed = removeMember(org, room.id(), agent.id());

        assertThat(removed.status()).as("status of %s", removed.text()).isEqualTo(204);
        api.checkIn(agent, room, Map.of("action", "one more")).expectError(403, "FORBIDDEN");
        api.eventually(http.get("/v1/rooms/" + room.id()).auth(org.humanKey()), r -> !hasMember(r, agent.id()));
    }

    @Test
    void a_removed_agent_can_be_added_back() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "returner");
        removeMember(org, room.id(), agent.id()).expect(204);

        addMember(org, room.id(), Map.of("agent_id", agent.id())).expect(201);

        api.pendingCheckIn(agent, room, "back again");
    }

    @Test
    void removing_an_agent_from_one_room_leaves_its_other_rooms_alone() {
        TestApi.Org org = api.newOrg();
        TestApi.Room ops = api.newRoom(org, "ops");
        TestApi.Room dev = api.newRoom(org, "dev");
        TestApi.Agent agent = api.memberAgent(org, ops, "both");
        api.addMember(org, dev, agent);

        removeMember(org, ops.id(), agent.id()).expect(204);

        api.pendingCheckIn(agent, dev, "still here");
    }

    @Test
    void the_owner_can_be_removed_from_a_room_and_as_an_admin_still_acts_in_it() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");

        removeMember(org, room.id(), org.ownerId()).expect(204);

        api.eventually(http.get("/v1/rooms/" + room.id()).auth(org.humanKey()), r -> !hasMember(r, org.ownerId()));
        api.postTask(org, room, Map.of("action", "the owner is an admin")).expect(201);
    }

    @Test
    void removing_someone_who_is_not_a_member_is_not_found() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent outsider = api.newAgent(org, "outsider");

        removeMember(org, room.id(), outsider.id()).expectError(404, "NOT_FOUND");
        removeMember(org, room.id(), "nobody").expectError(404, "NOT_FOUND");
    }

    @Test
    void removing_a_member_of_another_orgs_room_is_not_found_and_changes_nothing() {
        TestApi.Org org = api.newOrg();
        TestApi.Org other = api.newOrg();
        TestApi.Room theirs = api.newRoom(other, "theirs");
        TestApi.Agent theirAgent = api.memberAgent(other, theirs, "theirs");

        removeMember(org, theirs.id(), theirAgent.id()).expectError(404, "NOT_FOUND");

        api.pendingCheckIn(theirAgent, theirs, "undisturbed");
    }

    @Test
    void an_agent_that_is_not_a_member_cannot_check_in() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent outsider = api.newAgent(org, "outsider");

        api.checkIn(outsider, room, Map.of("action", "let me in")).expectError(403, "FORBIDDEN");
    }

    @Test
    void an_agent_cannot_manage_members() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent member = api.memberAgent(org, room, "member");
        TestApi.Agent friend = api.newAgent(org, "friend");

        http.post("/v1/rooms/" + room.id() + "/members", Map.of("agent_id", friend.id())).auth(member.key()).send()
                .expectError(403, "FORBIDDEN");
        http.delete("/v1/rooms/" + room.id() + "/members/" + member.id()).auth(member.key()).send()
                .expectError(403, "FORBIDDEN");

        api.pendingCheckIn(member, room, "still a member");
    }

    private static boolean hasMember(JsonNode room, String id) {
        for (JsonNode member : room.get("members")) {
            if (member.get("id").asText().equals(id)) {
                return true;
            }
        }
        return false;
    }
}
