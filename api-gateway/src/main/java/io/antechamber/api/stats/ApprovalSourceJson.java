package io.antechamber.api.stats;

/** The approvals one source gave, and their share of all approvals (null when there are none). */
public record ApprovalSourceJson(long count, Double share) {

    static ApprovalSourceJson of(long count, long total) {
        return new ApprovalSourceJson(count, ApprovalsJson.share(count, total));
    }
}
