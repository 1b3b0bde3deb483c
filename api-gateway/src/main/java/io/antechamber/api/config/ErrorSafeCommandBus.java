package io.antechamber.api.config;

import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Frees the thread of a command whose unit of work failed with an {@link Error} while committing. Axon's unit of
 * work rolls back on exceptions only, so such a command left its Spring transaction bound to the thread, and every
 * later command on that thread (a pooled request thread) joined the dead transaction. Here the transaction is rolled
 * back and its connection returned; the error still reaches the caller. Deadlines run in a unit of work of their own,
 * which {@link DeadlineTaskConfiguration} guards the same way.
 */
final class ErrorSafeCommandBus implements CommandBus {

    private final CommandBus delegate;
    private final DataSource dataSource;

    ErrorSafeCommandBus(CommandBus delegate, DataSource dataSource) {
        this.delegate = delegate;
        this.dataSource = dataSource;
    }

    @Override
    public <C> void dispatch(CommandMessage<C> command) {
        guarded(() -> delegate.dispatch(command));
    }

    @Override
    public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
        guarded(() -> delegate.dispatch(command, callback));
    }

    @Override
    public Registration subscribe(String commandName, MessageHandler<? super CommandMessage<?>> handler) {
        return delegate.subscribe(commandName, handler);
    }

    @Override
    public Registration registerHandlerInterceptor(
            MessageHandlerInterceptor<? super CommandMessage<?>> interceptor) {
        return delegate.registerHandlerInterceptor(interceptor);
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super CommandMessage<?>> interceptor) {
        return delegate.registerDispatchInterceptor(interceptor);
    }

    private void guarded(Runnable dispatch) {
        // a command sent from inside another (trust on a resolution) runs in that one's transaction, which is not ours
        boolean outerTransaction = TransactionSynchronizationManager.isActualTransactionActive();
        try {
            dispatch.run();
        } catch (Error error) {
            if (!outerTransaction) {
                AbandonedTransaction.release(dataSource, error);
            }
            throw error;
        }
    }
}
