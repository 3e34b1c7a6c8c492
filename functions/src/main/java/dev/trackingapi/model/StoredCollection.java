package dev.trackingapi.model;

import java.time.Instant;

/** A collection as stored: when it was first synced and when last. */
public record StoredCollection(ProductCollection collection, Instant createdAt, Instant updatedAt) {
}
