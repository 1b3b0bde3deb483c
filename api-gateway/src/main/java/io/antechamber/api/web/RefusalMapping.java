package io.antechamber.api.web;

import io.antechamber.events.common.RefusalCode;

/** The one place where the domain's refusals become API.md error codes (and so HTTP statuses). */
public final class RefusalMapping {

    private RefusalMapping() {
    }

    public static ApiError toApiError(RefusalCode code) {
        return switch (code) {
            case NOT_FOUND -> ApiError.NOT_FOUND;
            case INVALID -> ApiError.VALIDATION_ERROR;
            case NOT_A_MEMBER, NOT_THE_CREATOR, NOT_PRIMARY, NOT_A_PARTICIPANT, NOT_PERMITTED -> ApiError.FORBIDDEN;
            case WRONG_STATUS, NOT_A_TASK, ALREADY_PARTICIPANT, NO_HELP_REQUESTED, ALREADY_MEMBER, SLUG_TAKEN,
                    ALREADY_CLAIMED, DEACTIVATED, LAST_ADMIN, LIMIT_REACHED -> ApiError.CONFLICT;
        };
    }
}
