package dev.trackingapi.model;

import java.util.List;

/** What a successful tracking call reports: the attributes that were not applied (empty when all were). */
public record TrackingResult(List<IgnoredAttribute> ignored) {
    private static final TrackingResult ALL_APPLIED = new TrackingResult(List.of());

    public TrackingResult {
        ignored = List.copyOf(ignored);
    }

    public static TrackingResult of(List<IgnoredAttribute> ignored) {
        return ignored.isEmpty() ? ALL_APPLIED : new TrackingResult(ignored);
    }
}
