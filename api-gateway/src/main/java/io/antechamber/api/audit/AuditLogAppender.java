package io.antechamber.api.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * The audit log's one writer: every event of the store, in the order this processor handles them, becomes an entry
 * of its organization's chain (AuditMapping says which and how). It runs in a streaming processor of one segment
 * (AuditLogConfiguration), so one replica appends at a time and each chain's order is the order its entries were
 * written in. The events of a batch are collected as they are handled and appended together just before the batch
 * commits, in the transaction that also stores the processor's token: entries and position commit together or not at
 * all. Never replayed: an entry, once written, is evidence; writing the log again would be a second log.
 */
@Component
@ProcessingGroup(AuditLogAppender.PROCESSOR)
@DisallowReplay
public class AuditLogAppender {

    public static final String PROCESSOR = "audit-log";

    private static final String BATCH = AuditLogAppender.class.getName() + ".batch";

    private final ObjectMapper json;
    private final AuditChainWriter writer;

    public AuditLogAppender(ObjectMapper json, AuditChainWriter writer) {
        this.json = json;
        this.writer = writer;
    }

    @EventHandler
    void on(Object event, EventMessage<?> message) {
        AuditMapping.of(event, message.getTimestamp(), json)
                .ifPresent(audited -> batch().add(new PendingEntry(message.getIdentifier(), audited)));
    }

    /** The entries of the unit of work's batch, written when it prepares to commit. */
    private List<PendingEntry> batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            List<PendingEntry> pending = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> writer.append(pending));
            return pending;
        });
    }
}
