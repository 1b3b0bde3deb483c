package io.antechamber.api.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.Http;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.TestApi;
import io.antechamber.verify.Checkpoint;
import io.antechamber.verify.Hex;
import io.antechamber.verify.PublicKeys;
import io.antechamber.verify.VerificationFailure;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;

/** What an auditor fetches, through HTTP, read with the verifier's own classes. */
final class Evidence {

    private final Http http;
    private final CheckpointWriter writer;

    Evidence(Http http, CheckpointWriter writer) {
        this.http = http;
        this.writer = writer;
    }

    PublicKeys publicKeys() {
        try {
            return PublicKeys.parse(http.get("/v1/audit/public-keys").send().expect(200).text());
        } catch (VerificationFailure e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    Response checkpointResponse(TestApi.Org org) {
        return http.get("/v1/audit/checkpoint").auth(org.humanKey()).send();
    }

    static Checkpoint parse(JsonNode data) {
        try {
            return Checkpoint.parse(data.toString(), "checkpoint");
        } catch (VerificationFailure e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /**
     * The org's checkpoint once it covers at least {@code size} entries, signing what is due now instead of waiting
     * for the task's next run (CheckpointApiTest checks the task itself).
     */
    Checkpoint checkpointCovering(TestApi.Org org, long size) {
        AtomicReference<Checkpoint> latest = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            writer.writeDue();
            Response response = checkpointResponse(org);
            if (response.status() != 200) {
                return false;
            }
            latest.set(parse(response.data()));
            return latest.get().size() >= size;
        });
        return latest.get();
    }

    /** The org's exported entries, one JSON object per line, from {@code fromSeq}. */
    List<JsonNode> export(TestApi.Org org, long fromSeq) {
        Response response = http.get("/v1/audit/export?from_seq=" + fromSeq).auth(org.humanKey()).send().expect(200);
        assertThat(response.header("Content-Type")).startsWith("application/x-ndjson");
        return exportLines(response.text()).stream().map(Http::parse).toList();
    }

    static List<String> exportLines(String text) {
        return Arrays.stream(text.split("\n")).filter(line -> !line.isEmpty()).toList();
    }

    static byte[] hash(JsonNode node, String field) {
        return Hex.parse(node.get(field).asText());
    }

    static List<byte[]> hashes(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> Hex.parse(n.asText()))
                .toList();
    }
}
