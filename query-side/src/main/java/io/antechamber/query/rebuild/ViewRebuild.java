package io.antechamber.query.rebuild;

import io.antechamber.query.support.ViewTables;
import java.util.List;

/**
 * One view's part in a rebuild ({@link ShadowRebuild}): its tables, the stored events its fold reads, how it writes
 * many events' rows at once into empty shadow tables, and how one more event goes into them through the view's live
 * handler code. Both ways use the view's one fold.
 */
public interface ViewRebuild {

    /** The processing group whose view this rebuilds. */
    String processingGroup();

    /** The view's tables, in the order its handlers write them; a rebuild locks them in this order. */
    List<String> tables();

    /** The stored event types the view's handlers take. */
    List<Class<?>> eventTypes();

    /** Writes the view as the stored events in {@code events} make it into the empty shadow tables. */
    void bulk(EventRange events, Shadow shadow);

    /** Folds one more stored event into {@code tables}, exactly as the view's live handler does. */
    void apply(StoredEvent event, ViewTables tables);
}
