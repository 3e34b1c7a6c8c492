package dev.trackingapi.store.dynamodb;

import dev.trackingapi.model.CatalogKind;
import dev.trackingapi.model.Dates;
import dev.trackingapi.model.MappingOutcome;
import dev.trackingapi.model.Product;
import dev.trackingapi.model.ProductCollection;
import dev.trackingapi.model.ProductDetails;
import dev.trackingapi.model.ProductPage;
import dev.trackingapi.model.ProductStatus;
import dev.trackingapi.model.StoredCollection;
import dev.trackingapi.model.StoredProduct;
import dev.trackingapi.store.CatalogStore;
import dev.trackingapi.store.StorageUnavailableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import static dev.trackingapi.model.CatalogKind.COLLECTION;
import static dev.trackingapi.model.CatalogKind.PRODUCT;
import static dev.trackingapi.store.dynamodb.CatalogTable.*;

/**
 * The catalog in its table ({@link CatalogTable}). Entries are written with one conditional UpdateItem each (not while
 * they are being deleted). Both directions of a mapping are written together in a TransactWriteItems, beside a
 * ConditionCheck that its product and its collection exist and are not being deleted, and removed together too, so a
 * mapping is never half there and never outlives its product or its collection. Transactions that conflict with
 * another one are tried again after a short random pause.
 */
public final class DynamoDbCatalogStore implements CatalogStore {
    /** A collection's check, then per product its check and the mapping's two items: 1 + 3 × 33 = 100 actions. */
    static final int PRODUCTS_PER_ADD_TRANSACTION = 33;
    /** Both items of 50 mappings: 100 actions. */
    static final int MAPPINGS_PER_REMOVE_TRANSACTION = 50;
    /** The entry's mark, then both items of 49 mappings: 99 actions. */
    static final int MAPPINGS_PER_DELETION_TRANSACTION = 49;
    private static final int MAX_ATTEMPTS = 8;
    private static final long FIRST_PAUSE_MILLIS = 10;
    private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
    private static final Set<String> RETRYABLE_REASONS = Set.of("TransactionConflict", "ThrottlingError",
            "ProvisionedThroughputExceeded", "RequestLimitExceeded");
    private static final String LIVE = "attribute_exists(#pk) AND attribute_not_exists(#deleting)";
    private static final Map<String, String> LIVE_NAMES = Map.of("#pk", PK, "#deleting", DELETING);
    private static final Map<String, String> KEY_AND_MARK = Map.of("#pk", PK, "#sk", SK, "#deleting", DELETING);

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbCatalogStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<String> putProduct(String projectId, Product product, Instant now) {
        Map<String, AttributeValue> fields = new LinkedHashMap<>();
        fields.put(ID, AttributeValue.fromS(product.id()));
        fields.put(NAME, AttributeValue.fromS(product.name()));
        fields.put(IMAGE, AttributeValue.fromS(product.image()));
        fields.put(URL, AttributeValue.fromS(product.url()));
        fields.put(PRICE, number(product.price()));
        fields.put(STATUS, AttributeValue.fromS(product.status().wireName()));
        fields.put(DESCRIPTION, product.description() == null ? null : AttributeValue.fromS(product.description()));
        fields.put(ORIGINAL_HIGHER_PRICE, product.originalHigherPrice() == null ? null
                : number(product.originalHigherPrice()));
        fields.put(VENDOR, product.vendor() == null ? null : AttributeValue.fromS(product.vendor()));
        return put(PRODUCT, projectId, product.id(), fields, now);
    }

    @Override
    public Optional<String> putCollection(String projectId, ProductCollection collection, Instant now) {
        Map<String, AttributeValue> fields = new LinkedHashMap<>();
        fields.put(ID, AttributeValue.fromS(collection.id()));
        fields.put(NAME, AttributeValue.fromS(collection.name()));
        fields.put(DESCRIPTION, collection.description() == null ? null
                : AttributeValue.fromS(collection.description()));
        fields.put(IMAGE, collection.image() == null ? null : AttributeValue.fromS(collection.image()));
        fields.put(URL, collection.url() == null ? null : AttributeValue.fromS(collection.url()));
        return put(COLLECTION, projectId, collection.id(), fields, now);
    }

    /**
     * One UpdateItem that sets every field sent and removes every field not sent (an upsert replaces the entry), keeps
     * createdAt, and holds only while the entry is not being deleted; a failed condition returns the mark.
     *
     * @param fields the entry's attributes, null for one to remove
     */
    private Optional<String> put(CatalogKind kind, String projectId, String id, Map<String, AttributeValue> fields,
                                 Instant now) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder set = new StringBuilder("SET #createdAt = if_not_exists(#createdAt, :now), #updatedAt = :now");
        StringBuilder remove = new StringBuilder();
        names.put("#createdAt", CREATED_AT);
        names.put("#updatedAt", UPDATED_AT);
        names.put("#deleting", DELETING);
        values.put(":now", AttributeValue.fromS(Dates.format(now)));
        int i = 0;
        for (Map.Entry<String, AttributeValue> field : fields.entrySet()) {
            String name = "#f" + i;
            names.put(name, field.getKey());
            if (field.getValue() == null) {
                remove.append(remove.length() == 0 ? " REMOVE " : ", ").append(name);
            } else {
                set.append(", ").append(name).append(" = :f").append(i);
                values.put(":f" + i, field.getValue());
            }
            i++;
        }
        try {
            withConflictRetries(() -> dynamoDb.updateItem(update -> update.tableName(table)
                    .key(itemKey(kind, projectId, id))
                    .updateExpression(set.toString() + remove)
                    .conditionExpression("attribute_not_exists(#deleting)")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
            return Optional.empty();
        } catch (ConditionalCheckFailedException beingDeleted) {
            return Optional.of(markIn(beingDeleted, "unknown"));
        }
    }

    @Override
    public Optional<String> markDeleted(CatalogKind kind, String projectId, String id, String mark, Instant now) {
        try {
            UpdateItemResponse marked = withConflictRetries(() -> dynamoDb.updateItem(update -> update.tableName(table)
                    .key(itemKey(kind, projectId, id))
                    .updateExpression("SET #deleting = if_not_exists(#deleting, :mark)")
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", PK, "#deleting", DELETING))
                    .expressionAttributeValues(Map.of(":mark", AttributeValue.fromS(mark)))
                    .returnValues(ReturnValue.UPDATED_NEW)));
            AttributeValue current = marked.hasAttributes() ? marked.attributes().get(DELETING) : null;
            return Optional.of(current == null ? mark : current.s());
        } catch (ConditionalCheckFailedException absent) {
            return Optional.empty();
        }
    }

    @Override
    public int removeSomeMappings(CatalogKind kind, String projectId, String id, String mark) {
        List<String> others = new ArrayList<>(MAPPINGS_PER_DELETION_TRANSACTION);
        for (Map<String, AttributeValue> mapping : query(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partitionKey(kind, projectId, id)),
                        ":prefix", AttributeValue.fromS(mappingPrefix(kind))))
                .projectionExpression("#sk")
                .limit(MAPPINGS_PER_DELETION_TRANSACTION)
                .build(), false)) {
            others.add(mappedId(kind, mapping.get(SK).s()));
        }
        if (others.isEmpty()) {
            return 0;
        }
        List<TransactWriteItem> actions = new ArrayList<>(1 + 2 * others.size());
        actions.add(TransactWriteItem.builder().conditionCheck(check -> check.tableName(table)
                .key(itemKey(kind, projectId, id))
                .conditionExpression("#deleting = :mark")
                .expressionAttributeNames(Map.of("#deleting", DELETING))
                .expressionAttributeValues(Map.of(":mark", AttributeValue.fromS(mark)))).build());
        for (String other : others) {
            actions.add(delete(mappingKey(kind, projectId, id, other)));
            actions.add(delete(mappingKey(kind.other(), projectId, other, id)));
        }
        return transact(actions) == null ? others.size() : -1;
    }

    @Override
    public void deleteMarked(CatalogKind kind, String projectId, String id, String mark) {
        try {
            withConflictRetries(() -> dynamoDb.deleteItem(delete -> delete.tableName(table)
                    .key(itemKey(kind, projectId, id))
                    .conditionExpression("#deleting = :mark")
                    .expressionAttributeNames(Map.of("#deleting", DELETING))
                    .expressionAttributeValues(Map.of(":mark", AttributeValue.fromS(mark)))));
        } catch (ConditionalCheckFailedException finishedElsewhere) {
            // Another call finished this deletion (and the id may be in use again): nothing is left to do.
        }
    }

    /**
     * One consistent read of the collection, each product and each mapping asked for (so that nothing is written when
     * something is missing, and mappings that exist are not written again), then a transaction per 33 new mappings,
     * each checking again that its products and the collection are there and not being deleted. When a check fails
     * after an earlier transaction of the same request was written, the request goes on without what vanished: its
     * deletion, which began after this request, removes or prevents the mappings to it.
     */
    @Override
    public MappingOutcome addProducts(String projectId, String collectionId, List<String> productIds, Instant now) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(1 + 2 * productIds.size());
        keys.add(itemKey(COLLECTION, projectId, collectionId));
        for (String productId : productIds) {
            keys.add(itemKey(PRODUCT, projectId, productId));
            keys.add(mappingKey(COLLECTION, projectId, collectionId, productId));
        }
        Set<String> live = new HashSet<>();
        for (Map<String, AttributeValue> item : BatchRequests.getEvery(dynamoDb, table, keys, "#pk, #sk, #deleting",
                KEY_AND_MARK)) {
            if (!item.containsKey(DELETING)) {
                live.add(keyText(item));
            }
        }
        boolean collectionMissing = !live.contains(keyText(itemKey(COLLECTION, projectId, collectionId)));
        List<String> missing = productIds.stream()
                .filter(productId -> !live.contains(keyText(itemKey(PRODUCT, projectId, productId)))).toList();
        if (collectionMissing || !missing.isEmpty()) {
            return new MappingOutcome(collectionMissing, missing);
        }
        List<String> unmapped = productIds.stream()
                .filter(productId -> !live.contains(keyText(mappingKey(COLLECTION, projectId, collectionId, productId))))
                .toList();
        AttributeValue addedAt = AttributeValue.fromS(Dates.format(now));
        boolean written = false;
        for (int from = 0; from < unmapped.size(); from += PRODUCTS_PER_ADD_TRANSACTION) {
            List<String> pending = unmapped.subList(from, Math.min(from + PRODUCTS_PER_ADD_TRANSACTION, unmapped.size()));
            while (!pending.isEmpty()) {
                TransactionCanceledException failed = transact(addActions(projectId, collectionId, pending, addedAt));
                if (failed == null) {
                    written = true;
                    break;
                }
                List<CancellationReason> reasons = failed.cancellationReasons();
                if (checkFailed(reasons, 0)) {
                    return written ? MappingOutcome.applied() : new MappingOutcome(true, List.of());
                }
                List<String> vanished = new ArrayList<>();
                for (int i = 0; i < pending.size(); i++) {
                    if (checkFailed(reasons, 1 + 3 * i)) {
                        vanished.add(pending.get(i));
                    }
                }
                if (!written) {
                    return new MappingOutcome(false, vanished);
                }
                pending = pending.stream().filter(productId -> !vanished.contains(productId)).toList();
            }
        }
        return MappingOutcome.applied();
    }

    private List<TransactWriteItem> addActions(String projectId, String collectionId, List<String> productIds,
                                               AttributeValue addedAt) {
        List<TransactWriteItem> actions = new ArrayList<>(1 + 3 * productIds.size());
        actions.add(live(itemKey(COLLECTION, projectId, collectionId)));
        for (String productId : productIds) {
            actions.add(live(itemKey(PRODUCT, projectId, productId)));
            actions.add(mapping(mappingKey(PRODUCT, projectId, productId, collectionId), addedAt));
            actions.add(mapping(mappingKey(COLLECTION, projectId, collectionId, productId), addedAt));
        }
        return actions;
    }

    @Override
    public void removeProducts(String projectId, String collectionId, List<String> productIds) {
        for (int from = 0; from < productIds.size(); from += MAPPINGS_PER_REMOVE_TRANSACTION) {
            List<TransactWriteItem> actions = new ArrayList<>(2 * MAPPINGS_PER_REMOVE_TRANSACTION);
            for (String productId : productIds.subList(from, Math.min(from + MAPPINGS_PER_REMOVE_TRANSACTION,
                    productIds.size()))) {
                actions.add(delete(mappingKey(COLLECTION, projectId, collectionId, productId)));
                actions.add(delete(mappingKey(PRODUCT, projectId, productId, collectionId)));
            }
            if (transact(actions) != null) {
                throw new IllegalStateException("a transaction without conditions failed a condition");
            }
        }
    }

    @Override
    public Optional<ProductDetails> product(String projectId, String productId) {
        List<Map<String, AttributeValue>> items = query(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partitionKey(PRODUCT, projectId,
                        productId))))
                .build(), true);
        if (items.isEmpty() || !ITEM.equals(items.get(0).get(SK).s()) || items.get(0).containsKey(DELETING)) {
            return Optional.empty();
        }
        List<String> collections = new ArrayList<>(items.size() - 1);
        for (Map<String, AttributeValue> mapping : items.subList(1, items.size())) {
            collections.add(mappedId(PRODUCT, mapping.get(SK).s()));
        }
        return Optional.of(new ProductDetails(storedProduct(items.get(0)), collections));
    }

    /** A consistent GetItem of the collection, a Query of one page of its mappings, and a BatchGetItem of them. */
    @Override
    public Optional<ProductPage> products(String projectId, String collectionId, int limit, String afterProductId) {
        Map<String, AttributeValue> collection;
        try {
            collection = dynamoDb.getItem(get -> get.tableName(table).consistentRead(true)
                    .key(itemKey(COLLECTION, projectId, collectionId))).item();
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(table, e);
        }
        if (collection == null || collection.isEmpty() || collection.containsKey(DELETING)) {
            return Optional.empty();
        }
        String from = mappingPrefix(COLLECTION) + (afterProductId == null ? "" : afterProductId);
        List<String> productIds = new ArrayList<>(limit + 1);
        for (Map<String, AttributeValue> mapping : query(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk AND #sk > :from")
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partitionKey(COLLECTION, projectId,
                        collectionId)), ":from", AttributeValue.fromS(from)))
                .projectionExpression("#sk")
                .limit(limit + 1)
                .build(), false)) {
            productIds.add(mappedId(COLLECTION, mapping.get(SK).s()));
        }
        boolean more = productIds.size() > limit;
        List<String> page = more ? productIds.subList(0, limit) : productIds;
        Map<String, StoredProduct> found = new HashMap<>();
        List<Map<String, AttributeValue>> keys = page.stream().map(id -> itemKey(PRODUCT, projectId, id)).toList();
        for (Map<String, AttributeValue> item : BatchRequests.getEvery(dynamoDb, table, keys, null, Map.of())) {
            if (!item.containsKey(DELETING)) {
                found.put(item.get(ID).s(), storedProduct(item));
            }
        }
        List<StoredProduct> products = page.stream().filter(found::containsKey).map(found::get).toList();
        return Optional.of(new ProductPage(storedCollection(collection), products,
                more ? page.get(page.size() - 1) : null));
    }

    /** @param allPages whether to read every page, or only the first */
    private List<Map<String, AttributeValue>> query(QueryRequest request, boolean allPages) {
        try {
            if (!allPages) {
                return dynamoDb.query(request).items();
            }
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            dynamoDb.queryPaginator(request).items().forEach(items::add);
            return items;
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(table, e);
        }
    }

    /**
     * Runs the transaction, again after a short random pause when it conflicted with another one or was throttled.
     *
     * @return null when it was written, or the cancellation when a condition failed
     */
    private TransactionCanceledException transact(List<TransactWriteItem> actions) {
        for (int attempt = 0; ; attempt++) {
            try {
                dynamoDb.transactWriteItems(write -> write.transactItems(actions));
                return null;
            } catch (TransactionCanceledException canceled) {
                List<CancellationReason> reasons = canceled.hasCancellationReasons() ? canceled.cancellationReasons()
                        : List.of();
                if (reasons.stream().anyMatch(reason -> CONDITIONAL_CHECK_FAILED.equals(reason.code()))) {
                    return canceled;
                }
                if (reasons.stream().noneMatch(reason -> RETRYABLE_REASONS.contains(reason.code()))) {
                    throw new IllegalStateException("DynamoDB canceled a catalog transaction: " + reasons, canceled);
                }
                pauseBeforeAttempt(attempt + 1, canceled);
            } catch (TransactionConflictException conflict) {
                pauseBeforeAttempt(attempt + 1, conflict);
            } catch (SdkException e) {
                throw DynamoDbFailures.translate(table, e);
            }
        }
    }

    /** A single write, again after a short random pause while it conflicts with a transaction on the same item. */
    private <T> T withConflictRetries(Supplier<T> write) {
        for (int attempt = 0; ; attempt++) {
            try {
                return write.get();
            } catch (TransactionConflictException conflict) {
                pauseBeforeAttempt(attempt + 1, conflict);
            } catch (ConditionalCheckFailedException failed) {
                throw failed;
            } catch (SdkException e) {
                throw DynamoDbFailures.translate(table, e);
            }
        }
    }

    private void pauseBeforeAttempt(int attempt, SdkException cause) {
        if (attempt >= MAX_ATTEMPTS) {
            throw new StorageUnavailableException("catalog writes to " + table + " kept conflicting with concurrent"
                    + " ones (" + attempt + " attempts)", cause);
        }
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(FIRST_PAUSE_MILLIS << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("interrupted while retrying a catalog write", e);
        }
    }

    private static boolean checkFailed(List<CancellationReason> reasons, int index) {
        return index < reasons.size() && CONDITIONAL_CHECK_FAILED.equals(reasons.get(index).code());
    }

    private TransactWriteItem live(Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().conditionCheck(check -> check.tableName(table).key(key)
                .conditionExpression(LIVE).expressionAttributeNames(LIVE_NAMES)).build();
    }

    private TransactWriteItem mapping(Map<String, AttributeValue> key, AttributeValue addedAt) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put(ADDED_AT, addedAt);
        return TransactWriteItem.builder().put(put -> put.tableName(table).item(item)).build();
    }

    private TransactWriteItem delete(Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().delete(delete -> delete.tableName(table).key(key)).build();
    }

    private static String markIn(ConditionalCheckFailedException failed, String otherwise) {
        AttributeValue mark = failed.hasItem() ? failed.item().get(DELETING) : null;
        return mark == null ? otherwise : mark.s();
    }

    private static String keyText(Map<String, AttributeValue> item) {
        return item.get(PK).s() + "\n" + item.get(SK).s();
    }

    private static AttributeValue number(BigDecimal number) {
        return AttributeValue.fromN(number.toString());
    }

    private static StoredProduct storedProduct(Map<String, AttributeValue> item) {
        Product product = new Product(item.get(ID).s(), item.get(NAME).s(), item.get(IMAGE).s(), item.get(URL).s(),
                new BigDecimal(item.get(PRICE).n()), ProductStatus.fromWireName(item.get(STATUS).s()).orElseThrow(),
                text(item, DESCRIPTION), item.containsKey(ORIGINAL_HIGHER_PRICE)
                ? new BigDecimal(item.get(ORIGINAL_HIGHER_PRICE).n()) : null, text(item, VENDOR));
        return new StoredProduct(product, Instant.parse(item.get(CREATED_AT).s()), Instant.parse(item.get(UPDATED_AT).s()));
    }

    private static StoredCollection storedCollection(Map<String, AttributeValue> item) {
        ProductCollection collection = new ProductCollection(item.get(ID).s(), item.get(NAME).s(),
                text(item, DESCRIPTION), text(item, IMAGE), text(item, URL));
        return new StoredCollection(collection, Instant.parse(item.get(CREATED_AT).s()),
                Instant.parse(item.get(UPDATED_AT).s()));
    }

    private static String text(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null ? null : value.s();
    }
}
