package io.antechamber.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antechamber.api.web.ApiError;
import io.antechamber.api.web.ApiException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

/** Verifications hold a database connection each while they read: a replica runs only so many at once. */
class AuditVerifierLimitTest {

    @Test
    void a_verification_beyond_the_limit_is_refused_until_one_ends() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        PlatformTransactionManager database = new PlatformTransactionManager() {
            @Override
            public TransactionStatus getTransaction(TransactionDefinition definition) {
                if (started.incrementAndGet() == 1) {
                    inside.countDown();
                    await(release);
                }
                throw new CannotCreateTransactionException("no database in this test");
            }

            @Override
            public void commit(TransactionStatus status) {
            }

            @Override
            public void rollback(TransactionStatus status) {
            }
        };
        AuditVerifier verifier = new AuditVerifier(null, database, null, null,
                new AuditProperties(200, 1000, 1, Duration.ofSeconds(10)));
        Thread first = new Thread(() -> assertThatThrownBy(() -> verifier.verify("org_0000000000", 1, null))
                .isInstanceOf(CannotCreateTransactionException.class));
        first.start();
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> verifier.verify("org_0000000000", 1, null)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).error()).isEqualTo(ApiError.RATE_LIMITED))
                .satisfies(e -> assertThat(((ApiException) e).retryAfter()).isPositive());

        release.countDown();
        first.join(10_000);
        assertThatThrownBy(() -> verifier.verify("org_0000000000", 1, null))
                .isInstanceOf(CannotCreateTransactionException.class);
        assertThat(started).hasValue(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
