package io.antechamber.command.checkin;

import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.checkin.CheckInResolution;
import io.antechamber.events.checkin.CheckInStatus;
import io.antechamber.events.checkin.TimeOutCheckIn;
import io.antechamber.events.common.CheckInId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;

/**
 * Resolves a pending check-in by its timeout action when nobody decided before it expired. One saga per pending
 * check-in that has an expiry ({@code hold} check-ins have none); the deadline lives in PostgreSQL, so it fires after
 * restarts, and on one replica only.
 */
public class CheckInTimeoutSaga {

    static final String DEADLINE = "check-in-timeout";
    private static final String CHECK_IN = "checkInId";

    private String deadlineId;

    /** The deadline's payload: which check-in expires. */
    public record Expiry(CheckInId checkInId) {
    }

    @StartSaga
    @SagaEventHandler(associationProperty = CHECK_IN)
    public void on(CheckInCreated event, DeadlineManager deadlines) {
        if (event.status() != CheckInStatus.PENDING || event.expiresAt() == null) {
            SagaLifecycle.end();
            return;
        }
        deadlineId = deadlines.schedule(event.expiresAt(), DEADLINE, new Expiry(event.checkInId()));
    }

    @DeadlineHandler(deadlineName = DEADLINE)
    public void on(Expiry expiry, CommandGateway commands) {
        commands.sendAndWait(new TimeOutCheckIn(expiry.checkInId()));
        SagaLifecycle.end();
    }

    /** Any resolution (a decision, a withdrawal, or this saga's own timeout) ends the wait. */
    @EndSaga
    @SagaEventHandler(associationProperty = CHECK_IN)
    public void on(CheckInResolution event, DeadlineManager deadlines) {
        if (deadlineId != null) {
            deadlines.cancelSchedule(DEADLINE, deadlineId);
        }
    }
}
