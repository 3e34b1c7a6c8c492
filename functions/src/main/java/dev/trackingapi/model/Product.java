package dev.trackingapi.model;

import java.math.BigDecimal;

/**
 * A product as a store syncs it (the vendor's "Syncing Products" page): prices are exact decimals; description,
 * originalHigherPrice and vendor may be absent (null).
 */
public record Product(String id, String name, String image, String url, BigDecimal price, ProductStatus status,
                      String description, BigDecimal originalHigherPrice, String vendor) {
}
