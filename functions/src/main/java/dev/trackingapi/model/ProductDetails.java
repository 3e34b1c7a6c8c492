package dev.trackingapi.model;

import java.util.List;

/** A product and the ids of the collections it is in, in id order. */
public record ProductDetails(StoredProduct product, List<String> collectionIds) {
    public ProductDetails {
        collectionIds = List.copyOf(collectionIds);
    }
}
