package io.antechamber.api.feed.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.api.support.RedisServer;
import io.antechamber.api.support.RedisSubscriber;
import io.antechamber.api.support.StandaloneApp;
import io.antechamber.api.support.TestApi;
import io.antechamber.api.support.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Redis transport end to end: commands over HTTP, the room feed, the publisher, and a real Lettuce subscriber on a
 * redis-server this test starts, stops and starts again on the same port.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisTransportTest {

    private static final String ADMIN = "redis-admin-token-0123456789abcdefg";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String REDIS_PASSWORD = "redis-password-never-logged-7f3a9c";

    @Test
    void with_two_instances_every_feed_entry_reaches_its_rooms_channel_once_in_feed_order_whichever_publishes()
            throws Exception {
        Map<String, String> database = TestDatabase.freshProperties();
        try (RedisServer redis = RedisServer.onFreePort().start();
                StandaloneApp one = startWith(database, redis);
                StandaloneApp two = startWith(database, redis);
                RedisSubscriber subscriber = RedisSubscriber.toEveryRoom(redis)) {
            TestApi viaOne = new TestApi(one.http(), ADMIN);
            TestApi viaTwo = new TestApi(two.http(), ADMIN);
            TestApi.Org org = viaOne.newOrg();
            TestApi.Room ops = viaOne.newRoom(org, "ops");
            TestApi.Room dev = viaOne.newRoom(org, "dev");
            TestApi.Agent opsAgent = viaOne.memberAgent(org, ops, "a");
            TestApi.Agent devAgent = viaOne.memberAgent(org, dev, "b");
            Runnable round = () -> {
                for (int i = 0; i < 3; i++) {
                    viaOne.decide(org, viaOne.pendingCheckIn(opsAgent, ops, "deploy").get("id").asText(), "approve",
                            null).expect(200);
                    viaTwo.decide(org, viaTwo.pendingCheckIn(devAgent, dev, "drop").get("id").asText(), "reject",
                            null).expect(200);
                }
                signal(one, org, ops);
                signal(two, org, dev);
            };

            round.run();
            awaitEveryRoomPublishedOnceInOrder(one, subscriber, List.of(ops, dev), 3);
            assertThat(one.bean(RedisFeedPublisher.class).isPublisher())
                    .isNotEqualTo(two.bean(RedisFeedPublisher.class).isPublisher());

            // the publisher's session breaks: its lock goes with it and a replica takes over from the stored position
            assertThat(one.bean(JdbcTemplate.class).queryForList("SELECT pg_terminate_backend(pid) FROM"
                    + " pg_stat_activity WHERE application_name = ? AND datname = current_database()", Boolean.class,
                    RedisFeedPublisher.APPLICATION_NAME)).containsExactly(true);
            round.run();
            awaitEveryRoomPublishedOnceInOrder(one, subscriber, List.of(ops, dev), 6);

            // the publishing replica stops; the other takes over
            StandaloneApp publishing = one.bean(RedisFeedPublisher.class).isPublisher() ? one : two;
            StandaloneApp remaining = publishing == one ? two : one;
            publishing.close();
            TestApi viaRemaining = new TestApi(remaining.http(), ADMIN);
            for (int i = 0; i < 3; i++) {
                viaRemaining.decide(org, viaRemaining.pendingCheckIn(opsAgent, ops, "deploy").get("id").asText(),
                        "approve", null).expect(200);
                viaRemaining.decide(org, viaRemaining.pendingCheckIn(devAgent, dev, "drop").get("id").asText(),
                        "reject", null).expect(200);
            }
            signal(remaining, org, ops);
            signal(remaining, org, dev);
            awaitEveryRoomPublishedOnceInOrder(remaining, subscriber, List.of(ops, dev), 9);
            assertThat(remaining.bean(RedisFeedPublisher.class).isPublisher()).isTrue();
        }
    }

    private static void signal(StandaloneApp app, TestApi.Org org, TestApi.Room room) {
        app.http().post("/v1/rooms/" + room.id() + "/signals", Map.of("type", "deploy.freeze")).auth(org.humanKey())
                .send().expect(201);
    }

    /**
     * Each room's feed has {@code decisions} decided check-ins and a signal per three of them, and its channel got
     * exactly the feed, in order.
     */
    private static void awaitEveryRoomPublishedOnceInOrder(StandaloneApp app, RedisSubscriber subscriber,
            List<TestApi.Room> rooms, int decisions) {
        for (TestApi.Room room : rooms) {
            Awaitility.await().atMost(PATIENCE).untilAsserted(() -> {
                List<String> feed = RoomFeed.of(app, room.id());
                assertThat(RoomFeed.count(feed, "checkin.created")).isEqualTo(decisions);
                assertThat(RoomFeed.count(feed, "checkin.approved") + RoomFeed.count(feed, "checkin.rejected"))
                        .isEqualTo(decisions);
                assertThat(RoomFeed.count(feed, "signal.broadcast")).isEqualTo(decisions / 3);
                assertThat(subscriber.received(room.id())).isEqualTo(feed);
            });
        }
    }

    @Test
    void while_redis_is_down_the_api_answers_and_one_line_says_publishing_is_paused_then_it_resumes_and_catches_up(
            CapturedOutput output) throws Exception {
        RedisServer redis = RedisServer.onFreePort().start();
        try (redis; StandaloneApp app = startWith(redis)) {
            TestApi api = new TestApi(app.http(), ADMIN);
            TestApi.Org org = api.newOrg();
            TestApi.Room room = api.newRoom(org, "ops");
            TestApi.Agent agent = api.memberAgent(org, room, "a");
            RedisSubscriber before = RedisSubscriber.toEveryRoom(redis);

            AtomicInteger written = new AtomicInteger();
            List<Integer> statuses = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> burst = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 40; i++) {
                    var created = api.checkIn(agent, room, Map.of("action", "burst " + i));
                    statuses.add(created.status());
                    statuses.add(api.decide(org, created.data().get("id").asText(), "approve", null).status());
                    written.incrementAndGet();
                }
            });
            Awaitility.await().atMost(PATIENCE).until(() -> written.get() >= 10);
            redis.stop();
            before.close();
            assertThat(app.http().get("/actuator/health").send().expect(200).json().get("status").asText())
                    .isEqualTo("UP");
            burst.get();
            assertThat(statuses).hasSize(80).allMatch(status -> status == 201 || status == 200);

            Awaitility.await().atMost(PATIENCE).until(() -> pausedLines(output, redis) == 1);
            // the publisher retries with backoff meanwhile; none of its tries adds a line (lines only add up, so the
            // long atMost lets no second line pass; it spares a loaded machine's stalls)
            Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofMinutes(1))
                    .failFast("a second line about the paused publishing", () -> pausedLines(output, redis) > 1)
                    .until(() -> pausedLines(output, redis) == 1);

            redis.startRefusingPublish();
            try (RedisSubscriber after = RedisSubscriber.toEveryRoom(redis)) {
                redis.allowPublish();
                Awaitility.await().atMost(PATIENCE).untilAsserted(() -> {
                    List<String> feed = RoomFeed.of(app, room.id());
                    assertThat(RoomFeed.count(feed, "checkin.approved")).isEqualTo(40);
                    List<String> beforeGot = before.received(room.id());
                    List<String> afterGot = after.received(room.id());
                    // what the first subscriber got is the feed's beginning; the second gets the rest, from no later
                    // than where the first stopped (an entry Redis took as it went down may come again)
                    assertThat(feed.subList(0, beforeGot.size())).isEqualTo(beforeGot);
                    assertThat(afterGot).isEqualTo(feed.subList(feed.size() - afterGot.size(), feed.size()));
                    assertThat(feed.size() - afterGot.size()).isLessThanOrEqualTo(beforeGot.size());
                });
            }
            assertThat(resumedLines(output, redis)).isEqualTo(1);
            assertThat(pausedLines(output, redis)).isEqualTo(1);
        }
    }

    @Test
    void an_instance_started_while_redis_is_down_starts_healthy_and_publishes_once_redis_is_up(CapturedOutput output)
            throws Exception {
        RedisServer redis = RedisServer.onFreePortWithPassword(REDIS_PASSWORD);
        try (redis; StandaloneApp app = startWith(redis, "--spring.data.redis.password=" + REDIS_PASSWORD)) {
            assertThat(app.http().get("/actuator/health").send().expect(200).json().get("status").asText())
                    .isEqualTo("UP");
            TestApi api = new TestApi(app.http(), ADMIN);
            TestApi.Org org = api.newOrg();
            TestApi.Room room = api.newRoom(org, "ops");
            TestApi.Agent agent = api.memberAgent(org, room, "a");
            api.pendingCheckIn(agent, room, "deploy");
            Awaitility.await().atMost(PATIENCE).until(() -> pausedLines(output, redis) == 1);

            redis.startRefusingPublish();
            try (RedisSubscriber subscriber = RedisSubscriber.toEveryRoom(redis)) {
                redis.allowPublish();
                Awaitility.await().atMost(PATIENCE).untilAsserted(() -> {
                    List<String> feed = RoomFeed.of(app, room.id());
                    assertThat(RoomFeed.count(feed, "checkin.created")).isEqualTo(1);
                    assertThat(subscriber.received(room.id())).isEqualTo(feed);
                });
            }
            assertThat(resumedLines(output, redis)).isEqualTo(1);
            assertThat(pausedLines(output, redis)).isEqualTo(1);

            // Redis restarts while the publisher is idle: its connection broke unseen, and the next publish takes a
            // new one without pausing
            redis.stop();
            redis.start();
            try (RedisSubscriber subscriber = RedisSubscriber.toEveryRoom(redis)) {
                api.pendingCheckIn(agent, room, "again");
                Awaitility.await().atMost(PATIENCE).untilAsserted(() -> {
                    List<String> feed = RoomFeed.of(app, room.id());
                    assertThat(RoomFeed.count(feed, "checkin.created")).isEqualTo(2);
                    assertThat(subscriber.received(room.id())).containsExactly(feed.get(feed.size() - 1));
                });
            }
            assertThat(pausedLines(output, redis)).isEqualTo(1);
            assertThat(output.getAll()).doesNotContain(REDIS_PASSWORD);
        }
    }

    static StandaloneApp startWith(RedisServer redis, String... extraArgs) {
        return startWith(TestDatabase.freshProperties(), redis, extraArgs);
    }

    static StandaloneApp startWith(Map<String, String> database, RedisServer redis, String... extraArgs) {
        List<String> args = new ArrayList<>(StandaloneApp.NO_RATE_LIMITS);
        args.add("--spring.data.redis.host=127.0.0.1");
        args.add("--spring.data.redis.port=" + redis.port());
        args.addAll(List.of(extraArgs));
        return StandaloneApp.start(database, ADMIN, args.toArray(String[]::new));
    }

    private static long pausedLines(CapturedOutput output, RedisServer redis) {
        return lines(output, "Publishing room events to Redis at 127.0.0.1:" + redis.port() + " is paused");
    }

    private static long resumedLines(CapturedOutput output, RedisServer redis) {
        return lines(output, "Publishing room events to Redis at 127.0.0.1:" + redis.port() + " resumed");
    }

    private static long lines(CapturedOutput output, String text) {
        return output.getAll().lines().filter(line -> line.contains(text)).count();
    }
}
