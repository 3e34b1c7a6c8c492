package dev.trackingapi.model;

import java.util.List;

/**
 * What adding products to a collection found missing (absent, or being deleted). When anything is missing, nothing was
 * written.
 */
public record MappingOutcome(boolean collectionMissing, List<String> missingProducts) {
    private static final MappingOutcome APPLIED = new MappingOutcome(false, List.of());

    public MappingOutcome {
        missingProducts = List.copyOf(missingProducts);
    }

    public static MappingOutcome applied() {
        return APPLIED;
    }

    public boolean isApplied() {
        return !collectionMissing && missingProducts.isEmpty();
    }
}
