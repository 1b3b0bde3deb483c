package io.antechamber.api.stats;

import io.antechamber.query.stats.StatsCounts;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The approvals (check-ins approved or modified) and what gave them: the policy (an auto-approve rule, the trust
 * threshold, or its default action), a timeout's auto-approval, or a human. {@code auto_share} is the share of all
 * approvals that no human gave.
 */
public record ApprovalsJson(long total, Double autoShare, Map<String, ApprovalSourceJson> bySource) {

    static ApprovalsJson of(StatsCounts counts) {
        long total = counts.approvals();
        Map<String, ApprovalSourceJson> bySource = new LinkedHashMap<>();
        bySource.put("auto_approve_rule", ApprovalSourceJson.of(counts.approvedByAutoApproveRule(), total));
        bySource.put("trust", ApprovalSourceJson.of(counts.approvedByTrust(), total));
        bySource.put("default", ApprovalSourceJson.of(counts.approvedByDefault(), total));
        bySource.put("timeout", ApprovalSourceJson.of(counts.approvedByTimeout(), total));
        bySource.put("human", ApprovalSourceJson.of(counts.approvedByHuman(), total));
        return new ApprovalsJson(total, share(total - counts.approvedByHuman(), total), bySource);
    }

    /** {@code part / total} as a fraction from 0 to 1, unrounded; null when there is nothing to share. */
    static Double share(long part, long total) {
        return total == 0 ? null : (double) part / total;
    }
}
