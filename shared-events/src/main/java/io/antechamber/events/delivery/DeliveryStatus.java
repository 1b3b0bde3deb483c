package io.antechamber.events.delivery;

/**
 * {@code pending} until it ends: {@code delivered} (a 2xx), {@code failed} (it cannot be delivered: 410 Gone, a
 * refused target, an event no longer in the feed), {@code dead} (every scheduled attempt failed), {@code cancelled}
 * (its watcher was removed or disabled). A retry or a replay makes an ended delivery pending again.
 */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED, DEAD, CANCELLED;

    public boolean ended() {
        return this != PENDING;
    }
}
