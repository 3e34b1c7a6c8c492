package dev.trackingapi.model;

/** A collection of products (a Shopify collection, a category); description, image and url may be absent (null). */
public record ProductCollection(String id, String name, String description, String image, String url) {
}
