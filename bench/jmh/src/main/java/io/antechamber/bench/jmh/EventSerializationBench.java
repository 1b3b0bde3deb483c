package io.antechamber.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.checkin.CheckInStatus;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.json.EventJson;
import io.antechamber.events.policy.DecisionSource;
import io.antechamber.events.policy.PolicyDecision;
import io.antechamber.events.policy.PolicyOutcome;
import io.antechamber.events.policy.RiskLevel;
import io.antechamber.events.policy.TimeoutAction;
import io.antechamber.events.policy.Urgency;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JSON (de)serialization of the largest event, a CheckInCreated whose metadata is at the API's 10 KiB limit, with an
 * the application's event serializer's ObjectMapper ({@link EventJson#mapper()}). Serialization runs on every append;
 * deserialization on every aggregate load and on every event a projection reads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EventSerializationBench {

    private ObjectMapper mapper;
    private CheckInCreated event;
    private byte[] json;

    @Setup
    public void setUp() throws IOException {
        mapper = EventJson.mapper();
        Instant now = Instant.parse("2026-11-24T10:15:30.123456789Z");
        event = new CheckInCreated(new CheckInId("ci_0123456789abcdef"), new RoomId("room_0123456789abcdef"),
                new OrgId("org_0123456789abcdef"), Actor.agent(new AgentId("agt_0123456789abcdef")),
                "deploy checkout-api v2.3.1 to production", "nightly release train, all checks green",
                RiskLevel.HIGH, Urgency.NORMAL, metadataOfAbout10KiB(), CheckInStatus.PENDING, 3_600_000L,
                TimeoutAction.CANCEL, now.plusMillis(3_600_000L),
                new PolicyDecision(PolicyOutcome.REQUIRE_APPROVAL, DecisionSource.DEFAULT, null, 15.0, 3), now);
        json = mapper.writeValueAsBytes(event);
        int metadataBytes = mapper.writeValueAsBytes(event.metadata()).length;
        if (metadataBytes < 9_500 || metadataBytes > 10_240) {
            throw new IllegalStateException("metadata is " + metadataBytes + " bytes, wanted about 10 KiB");
        }
    }

    /** Nested, mixed-type metadata as agents send it: a diff summary, file list, labels, numbers, flags. */
    static Map<String, Object> metadataOfAbout10KiB() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("ticket", "OPS-4711");
        metadata.put("env", "production");
        metadata.put("service", Map.of("name", "checkout-api", "team", "payments", "tier", 1));
        List<Object> files = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("path", "services/checkout/src/main/java/com/example/checkout/Module" + i + ".java");
            file.put("added", 10 + i);
            file.put("removed", i % 7);
            file.put("binary", false);
            files.add(file);
        }
        metadata.put("files", files);
        metadata.put("summary", "Rolls out the new payment retry policy behind a flag. ".repeat(52));
        metadata.put("labels", List.of("release-train", "payments", "needs-approval", "friday"));
        return metadata;
    }

    @Benchmark
    public byte[] serializeCheckInCreated() throws IOException {
        return mapper.writeValueAsBytes(event);
    }

    @Benchmark
    public CheckInCreated deserializeCheckInCreated() throws IOException {
        return mapper.readValue(json, CheckInCreated.class);
    }
}
