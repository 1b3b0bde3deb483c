package io.antechamber.api.admin;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The claims on every segment of a stopped processor, held by this replica during a bulk rebuild: extended before
 * the token store's claim timeout lets another replica take them, and released once the rebuild moved the tokens.
 */
final class HeldClaims {

    private static final Logger log = LoggerFactory.getLogger(HeldClaims.class);

    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final String processor;
    private final int[] segments;
    private boolean released;

    HeldClaims(TokenStore tokens, TransactionManager transactions, String processor) {
        this.tokens = tokens;
        this.transactions = transactions;
        this.processor = processor;
        this.segments = transactions.fetchInTransaction(() -> tokens.fetchSegments(processor));
    }

    synchronized void extend() {
        if (released) {
            return;
        }
        try {
            transactions.executeInTransaction(() -> {
                for (int segment : segments) {
                    tokens.extendClaim(processor, segment);
                }
            });
        } catch (RuntimeException e) {
            log.warn("Could not extend the claims of projection {} during its rebuild", processor, e);
        }
    }

    /** Every segment continues from {@code position}. */
    synchronized void moveTo(TrackingToken position) {
        transactions.executeInTransaction(() -> {
            for (int segment : segments) {
                tokens.storeToken(position, processor, segment);
            }
        });
    }

    synchronized void release() {
        released = true;
        for (int segment : segments) {
            try {
                transactions.executeInTransaction(() -> tokens.releaseClaim(processor, segment));
            } catch (RuntimeException e) {
                log.warn("Could not release segment {} of projection {}", segment, processor, e);
            }
        }
    }
}
