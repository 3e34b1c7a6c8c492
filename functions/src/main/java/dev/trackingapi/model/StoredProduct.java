package dev.trackingapi.model;

import java.time.Instant;

/** A product as stored: when it was first synced and when last. */
public record StoredProduct(Product product, Instant createdAt, Instant updatedAt) {
}
