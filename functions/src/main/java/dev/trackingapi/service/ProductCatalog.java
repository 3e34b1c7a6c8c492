package dev.trackingapi.service;

import dev.trackingapi.model.CatalogKind;
import dev.trackingapi.model.Dates;
import dev.trackingapi.model.Deadline;
import dev.trackingapi.model.MappingOutcome;
import dev.trackingapi.model.Product;
import dev.trackingapi.model.ProductCollection;
import dev.trackingapi.model.ProductDetails;
import dev.trackingapi.model.ProductPage;
import dev.trackingapi.store.CatalogStore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The product catalog of each project: products, collections and the many-to-many mapping between them. Deleting an
 * entry is resumable: it is marked first (from then on it reads as gone and nothing can be mapped to it), its mappings
 * are removed a transaction at a time until none is left or the deadline comes, then the entry goes. A DELETE that
 * stops at its deadline is finished by the next DELETE, or by the next upsert of the same id, which must not bring back
 * anything of what was deleted.
 */
public final class ProductCatalog {
    /** An upsert that meets a deletion finishes it and writes; a new deletion in between is met this often at most. */
    private static final int MAX_UPSERT_ATTEMPTS = 3;

    private final CatalogStore store;

    public ProductCatalog(CatalogStore store) {
        this.store = store;
    }

    /** @throws EntryBeingDeletedException when a deletion of the product could not be finished before the deadline */
    public void upsertProduct(String projectId, Product product, Instant now, Deadline deadline) {
        upsert(CatalogKind.PRODUCT, projectId, product.id(), deadline,
                () -> store.putProduct(projectId, product, now));
    }

    /** @throws EntryBeingDeletedException when a deletion of the collection could not be finished before the deadline */
    public void upsertCollection(String projectId, ProductCollection collection, Instant now, Deadline deadline) {
        upsert(CatalogKind.COLLECTION, projectId, collection.id(), deadline,
                () -> store.putCollection(projectId, collection, now));
    }

    private void upsert(CatalogKind kind, String projectId, String id, Deadline deadline,
                        Supplier<Optional<String>> put) {
        for (int attempt = 0; attempt < MAX_UPSERT_ATTEMPTS; attempt++) {
            Optional<String> deletion = put.get();
            if (deletion.isEmpty()) {
                return;
            }
            if (!finishDeletion(kind, projectId, id, deletion.get(), deadline)) {
                throw new EntryBeingDeletedException(kind, id);
            }
        }
        throw new EntryBeingDeletedException(kind, id);
    }

    /**
     * Deletes the entry and every mapping of it; an unknown id is already deleted.
     *
     * @return true when the entry is gone; false when the deadline came first (a repeated call resumes)
     */
    public boolean delete(CatalogKind kind, String projectId, String id, Instant now, Deadline deadline) {
        Optional<String> mark = store.markDeleted(kind, projectId, id, newMark(now), now);
        return mark.isEmpty() || finishDeletion(kind, projectId, id, mark.get(), deadline);
    }

    private boolean finishDeletion(CatalogKind kind, String projectId, String id, String mark, Deadline deadline) {
        while (true) {
            if (deadline.passed()) {
                return false;
            }
            int removed = store.removeSomeMappings(kind, projectId, id, mark);
            if (removed < 0) {
                return true;
            }
            if (removed == 0) {
                store.deleteMarked(kind, projectId, id, mark);
                return true;
            }
        }
    }

    /** Unique per deletion, so that a call still working on an earlier deletion of the same id recognises it is over. */
    private static String newMark(Instant now) {
        return Dates.format(now) + " " + UUID.randomUUID();
    }

    /** @return what was missing; when anything was, nothing was written */
    public MappingOutcome addProducts(String projectId, String collectionId, List<String> productIds, Instant now) {
        return store.addProducts(projectId, collectionId, distinct(productIds), now);
    }

    public void removeProducts(String projectId, String collectionId, List<String> productIds) {
        store.removeProducts(projectId, collectionId, distinct(productIds));
    }

    public Optional<ProductDetails> product(String projectId, String productId) {
        return store.product(projectId, productId);
    }

    public Optional<ProductPage> products(String projectId, String collectionId, int limit, String afterProductId) {
        return store.products(projectId, collectionId, limit, afterProductId);
    }

    /** The ids in their first order, each once: a list that names a product twice asks for one mapping. */
    private static List<String> distinct(List<String> ids) {
        return ids.stream().distinct().toList();
    }
}
