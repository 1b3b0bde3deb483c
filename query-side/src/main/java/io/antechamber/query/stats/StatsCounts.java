package io.antechamber.query.stats;

/**
 * The counts of one group of check-ins (a room's, an agent's in it, or one risk level's): how many by status, how
 * many approvals (approved or modified) by what approved them, and how many a human decided, with the nearest-rank
 * percentiles of their time to decision in milliseconds (null when a human decided none).
 */
public record StatsCounts(
        long checkIns,
        long pending,
        long approved,
        long rejected,
        long modified,
        long expired,
        long withdrawn,
        long approvedByAutoApproveRule,
        long approvedByTrust,
        long approvedByDefault,
        long approvedByTimeout,
        long approvedByHuman,
        long decidedByHuman,
        Long p50Ms,
        Long p90Ms,
        Long p99Ms) {

    public static final StatsCounts NONE = new StatsCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null);

    public long approvals() {
        return approvedByAutoApproveRule + approvedByTrust + approvedByDefault + approvedByTimeout + approvedByHuman;
    }
}
