package dev.trackingapi.store.dynamodb;

import dev.trackingapi.model.CatalogKind;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * The catalog table: one partition per product, {@code pk} "{project}#product#{product id}", and one per collection,
 * "{project}#collection#{collection id}". In its partition an entry's item has {@code sk} "#item" (first in sort
 * order), and each of its mappings an item of its own: "collection#{collection id}" in a product's partition,
 * "product#{product id}" in a collection's. A mapping is stored in both partitions, so a product's collections and a
 * collection's products are each one Query. Project ids never contain '#', so a key has one reading whatever the ids
 * hold.
 */
public final class CatalogTable {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String ITEM = "#item";

    /** Attributes of an entry's item. */
    public static final String ID = "id";
    public static final String NAME = "name";
    public static final String IMAGE = "image";
    public static final String URL = "url";
    public static final String PRICE = "price";
    public static final String STATUS = "status";
    public static final String DESCRIPTION = "description";
    public static final String ORIGINAL_HIGHER_PRICE = "originalHigherPrice";
    public static final String VENDOR = "vendor";
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";
    /** Present while the entry is being deleted: the deletion's mark. Nothing can be mapped to such an entry. */
    public static final String DELETING = "deleting";

    /** The attribute of a mapping item (beside its key). */
    public static final String ADDED_AT = "addedAt";

    private CatalogTable() {
    }

    public static String partitionKey(CatalogKind kind, String projectId, String id) {
        return projectId + "#" + kind.wireName() + "#" + id;
    }

    public static Map<String, AttributeValue> itemKey(CatalogKind kind, String projectId, String id) {
        return key(partitionKey(kind, projectId, id), ITEM);
    }

    /** The prefix of the sort keys of an entry's mappings: "collection#" in a product's partition. */
    public static String mappingPrefix(CatalogKind owner) {
        return owner.other().wireName() + "#";
    }

    /** The mapping of {@code ownerId} to {@code otherId}, in the owner's partition. */
    public static Map<String, AttributeValue> mappingKey(CatalogKind owner, String projectId, String ownerId,
                                                         String otherId) {
        return key(partitionKey(owner, projectId, ownerId), mappingPrefix(owner) + otherId);
    }

    /** The id a mapping's sort key names, in the owner's partition. */
    public static String mappedId(CatalogKind owner, String sortKey) {
        return sortKey.substring(mappingPrefix(owner).length());
    }

    private static Map<String, AttributeValue> key(String partitionKey, String sortKey) {
        return Map.of(PK, AttributeValue.fromS(partitionKey), SK, AttributeValue.fromS(sortKey));
    }
}
