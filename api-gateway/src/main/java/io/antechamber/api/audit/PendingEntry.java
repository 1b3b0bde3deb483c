package io.antechamber.api.audit;

/** An event the appender has mapped and not yet written: its store identifier and what it becomes. */
record PendingEntry(String eventId, AuditedEvent event) {
}
