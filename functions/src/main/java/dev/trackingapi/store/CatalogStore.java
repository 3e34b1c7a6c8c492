package dev.trackingapi.store;

import dev.trackingapi.model.CatalogKind;
import dev.trackingapi.model.MappingOutcome;
import dev.trackingapi.model.Product;
import dev.trackingapi.model.ProductCollection;
import dev.trackingapi.model.ProductDetails;
import dev.trackingapi.model.ProductPage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Products, collections and the mappings between them. A mapping is never half there: both of its directions are
 * written and removed together, and only while its product and its collection exist and are not being deleted. An
 * entry is deleted in steps that a later call can resume: it is marked (from then on nothing can be mapped to it),
 * its mappings are removed, then the entry itself.
 */
public interface CatalogStore {

    /**
     * Replaces the stored product with this one (createdAt kept), unless it is being deleted.
     *
     * @return empty when written; the deletion's mark when the product is being deleted (nothing was written)
     */
    Optional<String> putProduct(String projectId, Product product, Instant now);

    /** As {@link #putProduct} for a collection. */
    Optional<String> putCollection(String projectId, ProductCollection collection, Instant now);

    /**
     * Marks the entry as being deleted; a mark already there stays (a second DELETE resumes the first).
     *
     * @return the mark the entry carries now, or empty when there is no such entry (there is nothing to delete)
     */
    Optional<String> markDeleted(CatalogKind kind, String projectId, String id, String mark, Instant now);

    /**
     * Removes some of the entry's mappings, each with its other direction, as long as the entry carries the mark.
     *
     * @return how many were removed, 0 when none is left, or -1 when the entry no longer carries the mark (another
     * call finished the deletion)
     */
    int removeSomeMappings(CatalogKind kind, String projectId, String id, String mark);

    /** Deletes the entry if it still carries the mark (once it has no mappings left). */
    void deleteMarked(CatalogKind kind, String projectId, String id, String mark);

    /**
     * Maps the products to the collection; mappings that exist stay as they are. The collection and every product must
     * exist and not be being deleted.
     *
     * @return what was missing; when anything was, nothing was written
     */
    MappingOutcome addProducts(String projectId, String collectionId, List<String> productIds, Instant now);

    /** Removes the mappings of these products to the collection; a mapping that does not exist is no problem. */
    void removeProducts(String projectId, String collectionId, List<String> productIds);

    /** The product and its collections; empty when there is no such product, or it is being deleted. */
    Optional<ProductDetails> product(String projectId, String productId);

    /**
     * A page of the collection's products in id order, those after {@code afterProductId} (null: from the first);
     * products being deleted are left out. Empty when there is no such collection, or it is being deleted.
     */
    Optional<ProductPage> products(String projectId, String collectionId, int limit, String afterProductId);
}
