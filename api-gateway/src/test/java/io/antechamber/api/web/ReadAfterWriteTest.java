package io.antechamber.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.api.admin.ProjectionPositions;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.query.checkin.CheckInViewProjection;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The moment HTTP tests only hit by chance: the row a lookup missed is committed, with the view's new position,
 * before the position is read. The lookups here stand for the view's rows; the positions are the real ones of the
 * check-in view, caught up.
 */
class ReadAfterWriteTest extends IntegrationTest {

    private static final String VIEW = CheckInViewProjection.PROCESSING_GROUP;

    @Autowired
    private ReadAfterWrite readAfterWrite;

    @Autowired
    private ProjectionPositions positions;

    @BeforeEach
    void viewCaughtUp() throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!positions.hasProcessed(VIEW, positions.head()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(positions.hasProcessed(VIEW, positions.head())).as("the check-in view caught up").isTrue();
    }

    @Test
    void a_row_that_appears_after_a_miss_on_a_caught_up_view_is_found_not_answered_as_missing() {
        AtomicInteger lookups = new AtomicInteger();

        Optional<String> found = readAfterWrite.find(VIEW,
                () -> lookups.incrementAndGet() == 1 ? Optional.empty() : Optional.of("the row"));

        assertThat(found).contains("the row");
    }

    @Test
    void a_miss_on_a_caught_up_view_is_final_without_waiting_for_the_patience_to_run_out() {
        AtomicInteger lookups = new AtomicInteger();

        Optional<String> found = readAfterWrite.find(VIEW, () -> {
            lookups.incrementAndGet();
            return Optional.empty();
        });

        assertThat(found).isEmpty();
        assertThat(lookups.get()).as("no polling: at most one lookup after reading the position")
                .isLessThanOrEqualTo(2);
    }
}
