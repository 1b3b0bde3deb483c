package io.antechamber.verify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** An organization's audit log as the server exports it: entry JSON in API field order, hash-chained. */
final class AuditExportFixture {

    private AuditExportFixture() {
    }

    static List<String> lines(int count) {
        return chain(entries(count), 0);
    }

    /** Entries without hash and prev_hash. */
    static List<ObjectNode> entries(int count) {
        List<ObjectNode> entries = new ArrayList<>();
        for (int seq = 1; seq <= count; seq++) {
            ObjectNode entry = EvidenceJson.MAPPER.createObjectNode();
            entry.put("id", "aud_" + seq);
            entry.put("org_id", "org_acme");
            entry.put("seq", seq);
            entry.put("event_id", "evt-" + seq);
            entry.put("at", String.format("2026-11-24T10:15:%02d.123Z", seq % 60));
            entry.putObject("actor").put("type", "agent").put("id", "agt_" + seq % 3);
            entry.put("action", "check_in.created");
            entry.putObject("target").put("type", "check_in").put("id", "ci_" + seq);
            entry.put("room_id", seq % 2 == 0 ? "room_ops" : null);
            entry.putObject("changes").put("status", "pending").put("risk", 0.25 * seq);
            entries.add(entry);
        }
        return entries;
    }

    /** Chains {@code entries} from the hash before them ({@code fromIndex} = 0: the genesis). */
    static List<String> chain(List<ObjectNode> entries, int fromIndex) {
        List<String> lines = new ArrayList<>();
        byte[] prev = AuditChain.genesis();
        for (ObjectNode original : entries) {
            ObjectNode entry = original.deepCopy();
            entry.remove("hash");
            entry.put("prev_hash", Hex.of(prev));
            byte[] hash = AuditChain.entryHash(prev, CanonicalJson.bytes(EvidenceJson.write(entry)));
            entry.put("hash", Hex.of(hash));
            lines.add(EvidenceJson.write(entry));
            prev = hash;
        }
        return fromIndex == 0 ? lines : lines.subList(fromIndex, lines.size());
    }

    static String hexArray(List<byte[]> hashes) {
        return hashes.stream().map(h -> "\"" + Hex.of(h) + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    static List<byte[]> entryHashes(List<String> lines) {
        return lines.stream().map(line -> Hex.parse(line.replaceAll(".*\"hash\":\"([0-9a-f]{64})\".*", "$1")))
                .toList();
    }
}
