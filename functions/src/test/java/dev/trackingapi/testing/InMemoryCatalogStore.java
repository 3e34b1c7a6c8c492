package dev.trackingapi.testing;

import dev.trackingapi.model.CatalogKind;
import dev.trackingapi.model.MappingOutcome;
import dev.trackingapi.model.Product;
import dev.trackingapi.model.ProductCollection;
import dev.trackingapi.model.ProductDetails;
import dev.trackingapi.model.ProductPage;
import dev.trackingapi.model.StoredCollection;
import dev.trackingapi.model.StoredProduct;
import dev.trackingapi.store.CatalogStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The catalog in memory, with the DynamoDB adapter's semantics (entries not written while being deleted, mappings in
 * both directions at once, deletions resumable a few mappings at a time), for unit tests of the service and the
 * routes. Counts writes, so a test can tell that a refused request wrote nothing.
 */
public final class InMemoryCatalogStore implements CatalogStore {
    private record Entry(Object value, Instant createdAt, Instant updatedAt, String mark) {
    }

    private final int mappingsPerRound;
    private final Map<String, Entry> entries = new HashMap<>();
    /** Per collection key, its products' ids; per product key, its collections' ids. */
    private final Map<String, TreeSet<String>> mappings = new HashMap<>();
    private int writes;

    /** @param mappingsPerRound how many mappings one round of a deletion removes */
    public InMemoryCatalogStore(int mappingsPerRound) {
        this.mappingsPerRound = mappingsPerRound;
    }

    public synchronized int writes() {
        return writes;
    }

    public synchronized boolean isMarked(CatalogKind kind, String projectId, String id) {
        Entry entry = entries.get(key(kind, projectId, id));
        return entry != null && entry.mark() != null;
    }

    public synchronized int mappingCount(String projectId) {
        return mappings.entrySet().stream().filter(e -> e.getKey().startsWith(projectId + "#"))
                .mapToInt(e -> e.getValue().size()).sum();
    }

    private static String key(CatalogKind kind, String projectId, String id) {
        return projectId + "#" + kind.wireName() + "#" + id;
    }

    @Override
    public synchronized Optional<String> putProduct(String projectId, Product product, Instant now) {
        return put(CatalogKind.PRODUCT, projectId, product.id(), product, now);
    }

    @Override
    public synchronized Optional<String> putCollection(String projectId, ProductCollection collection, Instant now) {
        return put(CatalogKind.COLLECTION, projectId, collection.id(), collection, now);
    }

    private Optional<String> put(CatalogKind kind, String projectId, String id, Object value, Instant now) {
        Entry old = entries.get(key(kind, projectId, id));
        if (old != null && old.mark() != null) {
            return Optional.of(old.mark());
        }
        writes++;
        entries.put(key(kind, projectId, id), new Entry(value, old == null ? now : old.createdAt(), now, null));
        return Optional.empty();
    }

    @Override
    public synchronized Optional<String> markDeleted(CatalogKind kind, String projectId, String id, String mark,
                                                     Instant now) {
        Entry entry = entries.get(key(kind, projectId, id));
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.mark() == null) {
            writes++;
            entries.put(key(kind, projectId, id), new Entry(entry.value(), entry.createdAt(), entry.updatedAt(), mark));
            return Optional.of(mark);
        }
        return Optional.of(entry.mark());
    }

    @Override
    public synchronized int removeSomeMappings(CatalogKind kind, String projectId, String id, String mark) {
        TreeSet<String> others = mappings.getOrDefault(key(kind, projectId, id), new TreeSet<>());
        if (others.isEmpty()) {
            return 0;
        }
        Entry entry = entries.get(key(kind, projectId, id));
        if (entry == null || !mark.equals(entry.mark())) {
            return -1;
        }
        List<String> round = new ArrayList<>(others).subList(0, Math.min(mappingsPerRound, others.size()));
        for (String other : round) {
            unmap(kind, projectId, id, other);
        }
        writes++;
        return round.size();
    }

    @Override
    public synchronized void deleteMarked(CatalogKind kind, String projectId, String id, String mark) {
        Entry entry = entries.get(key(kind, projectId, id));
        if (entry != null && mark.equals(entry.mark())) {
            entries.remove(key(kind, projectId, id));
            writes++;
        }
    }

    @Override
    public synchronized MappingOutcome addProducts(String projectId, String collectionId, List<String> productIds,
                                                   Instant now) {
        boolean collectionMissing = !live(CatalogKind.COLLECTION, projectId, collectionId);
        List<String> missing = productIds.stream().filter(p -> !live(CatalogKind.PRODUCT, projectId, p)).toList();
        if (collectionMissing || !missing.isEmpty()) {
            return new MappingOutcome(collectionMissing, missing);
        }
        for (String productId : productIds) {
            mappings.computeIfAbsent(key(CatalogKind.COLLECTION, projectId, collectionId), k -> new TreeSet<>())
                    .add(productId);
            mappings.computeIfAbsent(key(CatalogKind.PRODUCT, projectId, productId), k -> new TreeSet<>())
                    .add(collectionId);
        }
        writes++;
        return MappingOutcome.applied();
    }

    @Override
    public synchronized void removeProducts(String projectId, String collectionId, List<String> productIds) {
        productIds.forEach(productId -> unmap(CatalogKind.COLLECTION, projectId, collectionId, productId));
        writes++;
    }

    private void unmap(CatalogKind kind, String projectId, String id, String other) {
        mappings.getOrDefault(key(kind, projectId, id), new TreeSet<>()).remove(other);
        mappings.getOrDefault(key(kind.other(), projectId, other), new TreeSet<>()).remove(id);
    }

    private boolean live(CatalogKind kind, String projectId, String id) {
        Entry entry = entries.get(key(kind, projectId, id));
        return entry != null && entry.mark() == null;
    }

    @Override
    public synchronized Optional<ProductDetails> product(String projectId, String productId) {
        if (!live(CatalogKind.PRODUCT, projectId, productId)) {
            return Optional.empty();
        }
        return Optional.of(new ProductDetails(storedProduct(projectId, productId), List.copyOf(
                mappings.getOrDefault(key(CatalogKind.PRODUCT, projectId, productId), new TreeSet<>()))));
    }

    @Override
    public synchronized Optional<ProductPage> products(String projectId, String collectionId, int limit,
                                                       String afterProductId) {
        if (!live(CatalogKind.COLLECTION, projectId, collectionId)) {
            return Optional.empty();
        }
        Entry collection = entries.get(key(CatalogKind.COLLECTION, projectId, collectionId));
        TreeSet<String> all = mappings.getOrDefault(key(CatalogKind.COLLECTION, projectId, collectionId),
                new TreeSet<>());
        List<String> after = new ArrayList<>(afterProductId == null ? all : all.tailSet(afterProductId, false));
        List<String> page = after.subList(0, Math.min(limit, after.size()));
        Map<String, StoredProduct> products = new TreeMap<>();
        page.stream().filter(p -> live(CatalogKind.PRODUCT, projectId, p))
                .forEach(p -> products.put(p, storedProduct(projectId, p)));
        return Optional.of(new ProductPage(new StoredCollection((ProductCollection) collection.value(),
                collection.createdAt(), collection.updatedAt()), List.copyOf(products.values()),
                after.size() > limit ? page.get(page.size() - 1) : null));
    }

    private StoredProduct storedProduct(String projectId, String productId) {
        Entry entry = entries.get(key(CatalogKind.PRODUCT, projectId, productId));
        return new StoredProduct((Product) entry.value(), entry.createdAt(), entry.updatedAt());
    }
}
