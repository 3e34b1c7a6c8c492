package dev.trackingapi.model;

/**
 * A value that was not applied, as it was kept beside its record: what was ignored and why, and when it was received
 * (the stored ISO form).
 */
public record KeptValue(IgnoredAttribute ignored, String receivedAt) {
}
