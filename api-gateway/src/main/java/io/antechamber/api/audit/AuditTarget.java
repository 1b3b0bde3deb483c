package io.antechamber.api.audit;

/** What an audit entry is about: {@code {type, id}}, the id as the API shows it ({@code ci_…}, {@code room_…}, …). */
public record AuditTarget(String type, String id) {

    public static final String CHECK_IN = "check_in";
    public static final String ROOM = "room";
    public static final String HUMAN = "human";
    public static final String AGENT = "agent";
    public static final String ORG = "org";
    public static final String WATCHER = "watcher";
    public static final String SIGNAL = "signal";
}
