package io.antechamber.query.rebuild;

/**
 * Rebuilds one projection's view from the event store in bulk: the stored events read in one pass and the rows
 * written in batches, instead of one handler call and its statements per event. The view is empty when it starts
 * (the processor's reset handler cleared it) and nothing else writes to it until it returns; it runs inside the
 * caller's transaction.
 */
public interface ProjectionRebuild {

    /** The processing group whose view this rebuilds. */
    String processingGroup();

    /** Writes the view as it is after every stored event up to {@code upToGlobalIndex}. */
    void rebuild(long upToGlobalIndex);
}
