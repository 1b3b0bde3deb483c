package io.antechamber.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The {@code path} member of a proof: an array of hashes in lowercase hex. */
final class ProofPath {

    private ProofPath() {
    }

    static List<byte[]> parse(JsonNode proof, String what) throws VerificationFailure {
        JsonNode path = proof.get("path");
        if (path == null || !path.isArray()) {
            throw new VerificationFailure(what + " has no \"path\" array");
        }
        List<byte[]> hashes = new ArrayList<>(path.size());
        for (int i = 0; i < path.size(); i++) {
            String where = what + " path[" + i + "]";
            if (!path.get(i).isTextual()) {
                throw new VerificationFailure(where + " is not a hex string");
            }
            hashes.add(EvidenceJson.hash(path.get(i).textValue(), where));
        }
        return hashes;
    }
}
