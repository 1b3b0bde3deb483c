package io.antechamber.command.lookup;

/**
 * The command side's lookup tables are kept by one subscribing processing group: its handlers run inside the
 * transaction that stores the events, and a failure there rolls the command back.
 */
public final class LookupTables {

    public static final String PROCESSING_GROUP = "command-lookups";

    private LookupTables() {
    }
}
