package dev.trackingapi.model;

import java.util.List;

/**
 * One page of the products of a collection, in product id order.
 *
 * @param lastProductId where the next page starts (after this id), or null when this page is the last
 */
public record ProductPage(StoredCollection collection, List<StoredProduct> products, String lastProductId) {
    public ProductPage {
        products = List.copyOf(products);
    }
}
