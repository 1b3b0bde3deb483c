package io.antechamber.api.audit;

/**
 * What {@code GET /v1/audit/verify} answers: whether every entry checked is as written, how many were checked (verify
 * stops at the first bad one), and the seq of that entry, null when all are good.
 */
public record VerifyResult(boolean ok, long checked, Long firstBadSeq) {

    static VerifyResult good(long checked) {
        return new VerifyResult(true, checked, null);
    }

    static VerifyResult bad(long checked, long firstBadSeq) {
        return new VerifyResult(false, checked, firstBadSeq);
    }
}
