package io.antechamber.api.config;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Axon's transaction manager, with a transaction that its unit of work neither committed nor rolled back rolled back
 * when the unit of work is cleaned up. A unit of work commits its transaction in its commit phase and rolls it back
 * on an exception, but an {@link Error} while committing (out of memory, a driver's assertion) skips both and only
 * reaches the clean-up: the transaction stayed bound to the thread, and the next command on that thread joined it and
 * committed it (a check-in answered 500 was stored). Axon's Spring transactions ignore a rollback once completed,
 * and one of a transaction they only joined, so on every other path the clean-up's rollback does nothing.
 */
final class RollbackOnError implements TransactionManager {

    private final TransactionManager delegate;

    RollbackOnError(TransactionManager delegate) {
        this.delegate = delegate;
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = delegate.startTransaction();
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().onCleanup(unitOfWork -> transaction.rollback());
        }
        return transaction;
    }
}
