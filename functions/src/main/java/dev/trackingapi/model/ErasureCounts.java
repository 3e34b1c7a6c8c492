package dev.trackingapi.model;

/**
 * What an erasure deleted, by kind: the profile (1, or 0 when there was none), the events, and every other item kept
 * under the customer's keys (values that were not applied, the first receive times of eventIds).
 */
public record ErasureCounts(long profile, long events, long other) {
    public static final ErasureCounts NONE = new ErasureCounts(0, 0, 0);

    public ErasureCounts plus(ErasureCounts more) {
        return new ErasureCounts(profile + more.profile, events + more.events, other + more.other);
    }

    public long total() {
        return profile + events + other;
    }
}
