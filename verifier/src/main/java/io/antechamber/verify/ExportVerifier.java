package io.antechamber.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks an audit export (JSON Lines, one entry a line, in seq order) offline: every entry's hash is the hash of its
 * content, each {@code prev_hash} is the previous entry's hash, seqs follow each other without a gap, and all entries
 * are of one organization. The first failure ends the check and is named by line and seq.
 */
public final class ExportVerifier {

    private ExportVerifier() {
    }

    public static VerifiedExport verify(BufferedReader lines) throws IOException, VerificationFailure {
        List<byte[]> leaves = new ArrayList<>();
        String orgId = null;
        long firstSeq = 0;
        ExportedEntry previous = null;
        int lineNumber = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            String what = "line " + lineNumber;
            if (line.isBlank()) {
                throw new VerificationFailure(what + " is empty");
            }
            ExportedEntry entry = ExportedEntry.parse(line, what);
            String named = what + " (seq " + entry.seq() + ")";
            if (previous == null) {
                firstSeq = entry.seq();
                orgId = entry.orgId();
                if (firstSeq == 1 && !Arrays.equals(entry.prevHash(), AuditChain.genesis())) {
                    throw new VerificationFailure(named + ": prev_hash of the first entry is not 64 zeros");
                }
            } else {
                checkFollows(previous, entry, named);
                if (orgId == null ? entry.orgId() != null : !orgId.equals(entry.orgId())) {
                    throw new VerificationFailure(
                            named + ": org_id " + entry.orgId() + " is not the export's org_id " + orgId);
                }
            }
            if (!entry.hashMatchesContent()) {
                throw new VerificationFailure(named + ": hash does not match its content");
            }
            leaves.add(entry.leafHash());
            previous = entry;
        }
        long lastSeq = previous == null ? 0 : previous.seq();
        boolean fromFirst = previous == null || firstSeq == 1;
        return new VerifiedExport(orgId, firstSeq, lastSeq, fromFirst ? new LeafHashes(leaves) : null);
    }

    private static void checkFollows(ExportedEntry previous, ExportedEntry entry, String named)
            throws VerificationFailure {
        long expected = previous.seq() + 1;
        if (entry.seq() > expected) {
            throw new VerificationFailure(entry.seq() == expected + 1
                    ? "seq " + expected + " missing (" + named + " follows seq " + previous.seq() + ")"
                    : "seqs " + expected + " to " + (entry.seq() - 1) + " missing (" + named + " follows seq "
                            + previous.seq() + ")");
        }
        if (entry.seq() < expected) {
            throw new VerificationFailure(named + ": seq out of order or repeated (expected seq " + expected + ")");
        }
        if (!Arrays.equals(entry.prevHash(), previous.hash())) {
            throw new VerificationFailure(named + ": prev_hash is not the hash of seq " + previous.seq()
                    + " (an entry was changed and re-hashed, or inserted)");
        }
    }
}
