package dev.trackingapi.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Whether a product can be bought now: the two values the vendor's docs allow, spelt as they spell them. */
public enum ProductStatus {
    IN_STOCK("inStock"),
    OUT_OF_STOCK("outOfStock");

    private static final List<String> WIRE_NAMES = Arrays.stream(values()).map(ProductStatus::wireName).toList();

    private final String wireName;

    ProductStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Exactly as the docs spell it: case-sensitive, as the vendor's validator is. */
    public static Optional<ProductStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(status -> status.wireName.equals(name)).findFirst();
    }

    /** ["inStock", "outOfStock"], in the order the vendor's error message lists them. */
    public static List<String> wireNames() {
        return WIRE_NAMES;
    }
}
