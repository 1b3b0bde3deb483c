package io.antechamber.api.push;

/** A browser to notify: its push service endpoint and its keys (secrets: never logged, never in an event). */
record StoredSubscription(String endpoint, String p256dh, String auth) {

    @Override
    public String toString() {
        return "StoredSubscription[" + PushSubscriptions.describe(endpoint) + "]";
    }
}
