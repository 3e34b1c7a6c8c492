package dev.trackingapi.store.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.model.Attribute;
import dev.trackingapi.model.AttributeType;
import dev.trackingapi.model.CanonicalJson;
import dev.trackingapi.model.CustomerUpsert;
import dev.trackingapi.model.Dates;
import dev.trackingapi.model.Digests;
import dev.trackingapi.model.IgnoredAttribute;
import dev.trackingapi.model.KeptValue;
import dev.trackingapi.model.ProfileCap;
import dev.trackingapi.store.CustomerRecords;
import dev.trackingapi.store.CustomerStore;
import dev.trackingapi.store.StorageUnavailableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static dev.trackingapi.store.dynamodb.CustomersTable.*;

/** Customer profiles and the values not applied to them, in the customers table ({@link CustomersTable}). */
public final class DynamoDbCustomerStore implements CustomerStore, CustomerRecords {
    private static final int MAX_CAP_ATTEMPTS = 10;
    private static final Set<String> RESERVED = Set.of("name", "email", "mobile");
    private static final String NO_CONDITION = null;

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbCustomerStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void createIfAbsent(String projectId, String customerId, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(CustomersTable.profileKey(projectId, customerId));
        AttributeValue timestamp = AttributeValue.fromS(Dates.format(now));
        item.put(PROJECT_ID, AttributeValue.fromS(projectId));
        item.put(CUSTOMER_ID, AttributeValue.fromS(customerId));
        item.put(CREATED_AT, timestamp);
        item.put(UPDATED_AT, timestamp);
        try {
            dynamoDb.putItem(PutItemRequest.builder().tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(" + PK + ")").build());
        } catch (ConditionalCheckFailedException exists) {
            // The profile exists already: exactly what was asked for.
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(table, e);
        }
    }

    /**
     * One strongly consistent GetItem of the profile, projected to its key (DynamoDB still charges it by the
     * profile's size: one read unit per 4 KB). Consistent, so that a profile an erasure has just deleted is never seen.
     */
    @Override
    public boolean exists(String projectId, String customerId) {
        try {
            return dynamoDb.getItem(get -> get.tableName(table)
                    .key(CustomersTable.profileKey(projectId, customerId))
                    .consistentRead(true)
                    .projectionExpression("#pk")
                    .expressionAttributeNames(Map.of("#pk", PK))).hasItem();
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(table, e);
        }
    }

    /** One strongly consistent GetItem of the project's erasures item: one read unit. */
    @Override
    public long erasureGeneration(String projectId) {
        try {
            Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table)
                    .key(CustomersTable.erasureGenerationKey(projectId))
                    .consistentRead(true)
                    .projectionExpression("#generation")
                    .expressionAttributeNames(Map.of("#generation", ERASURE_GENERATION))).item();
            AttributeValue generation = item == null ? null : item.get(ERASURE_GENERATION);
            return generation == null || generation.n() == null ? 0 : Long.parseLong(generation.n());
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(table, e);
        }
    }

    /** One strongly consistent BatchGetItem of the profile's key and the project's erasures item: two read units. */
    @Override
    public ProfileAndErasures profileAndErasures(String projectId, String customerId) {
        Map<String, AttributeValue> profileKey = CustomersTable.profileKey(projectId, customerId);
        List<Map<String, AttributeValue>> found = BatchRequests.getEvery(dynamoDb, table,
                List.of(profileKey, CustomersTable.erasureGenerationKey(projectId)), "#pk, #sk, #generation",
                Map.of("#pk", PK, "#sk", CustomersTable.SK, "#generation", ERASURE_GENERATION));
        boolean exists = false;
        long generation = 0;
        for (Map<String, AttributeValue> item : found) {
            if (item.get(CustomersTable.SK).equals(profileKey.get(CustomersTable.SK))
                    && item.get(PK).equals(profileKey.get(PK))) {
                exists = true;
            } else if (item.get(ERASURE_GENERATION) != null && item.get(ERASURE_GENERATION).n() != null) {
                generation = Long.parseLong(item.get(ERASURE_GENERATION).n());
            }
        }
        return new ProfileAndErasures(exists, generation);
    }

    /**
     * One UpdateItem in the common case. Its condition only holds when every requested attribute fits under the cap
     * even if all were new; otherwise the profile's current names (returned by the failed condition, no extra read)
     * decide which new attributes fit, and the write is retried on the condition that no name was added meanwhile.
     */
    @Override
    public List<Attribute> upsert(CustomerUpsert upsert) {
        List<Attribute> custom = upsert.custom();
        int cap = upsert.customAttributeCap();
        if (custom.isEmpty()) {
            update(upsert, custom, NO_CONDITION, Map.of());
            return List.of();
        }
        Set<String> existing;
        if (custom.size() <= cap) {
            try {
                update(upsert, custom, "attribute_not_exists(#names) OR size(#names) <= :room",
                        Map.of(":room", AttributeValue.fromN(Integer.toString(cap - custom.size()))));
                return List.of();
            } catch (ConditionalCheckFailedException nearCap) {
                existing = namesIn(nearCap.item());
            }
        } else {
            existing = readNames(upsert);
        }
        for (int attempt = 0; attempt < MAX_CAP_ATTEMPTS; attempt++) {
            ProfileCap.Admission admission = ProfileCap.admit(existing, custom, cap);
            try {
                if (admission.admitted().isEmpty()) {
                    update(upsert, admission.admitted(), NO_CONDITION, Map.of());
                } else if (existing.isEmpty()) {
                    update(upsert, admission.admitted(), "attribute_not_exists(#names)", Map.of());
                } else {
                    update(upsert, admission.admitted(), "size(#names) = :count",
                            Map.of(":count", AttributeValue.fromN(Integer.toString(existing.size()))));
                }
                return admission.overCap();
            } catch (ConditionalCheckFailedException namesChanged) {
                existing = namesIn(namesChanged.item());
            }
        }
        // Never the customer id: this message reaches the logs, and the logs are not erased with the customer.
        throw new StorageUnavailableException("a profile was changed concurrently " + MAX_CAP_ATTEMPTS
                + " times in a row", null);
    }

    private void update(CustomerUpsert upsert, List<Attribute> custom, String condition,
                        Map<String, AttributeValue> conditionValues) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>(conditionValues);
        StringBuilder expression = new StringBuilder(
                "SET #createdAt = if_not_exists(#createdAt, :now), #updatedAt = :now,"
                        + " #projectId = :projectId, #customerId = :customerId");
        names.put("#createdAt", CREATED_AT);
        names.put("#updatedAt", UPDATED_AT);
        names.put("#projectId", PROJECT_ID);
        names.put("#customerId", CUSTOMER_ID);
        values.put(":now", AttributeValue.fromS(Dates.format(upsert.now())));
        values.put(":projectId", AttributeValue.fromS(upsert.projectId()));
        values.put(":customerId", AttributeValue.fromS(upsert.customerId()));
        int i = 0;
        for (Map.Entry<String, String> reserved : upsert.reserved().entrySet()) {
            expression.append(", #r").append(i).append(" = :r").append(i);
            names.put("#r" + i, reserved.getKey());
            values.put(":r" + i, AttributeValue.fromS(reserved.getValue()));
            i++;
        }
        List<String> customNames = new ArrayList<>(custom.size());
        for (int a = 0; a < custom.size(); a++) {
            Attribute attribute = custom.get(a);
            expression.append(", #a").append(a).append(" = :a").append(a);
            names.put("#a" + a, CUSTOM_PREFIX + attribute.name());
            values.put(":a" + a, AttributeValues.of(attribute.value()));
            customNames.add(attribute.name());
        }
        if (!customNames.isEmpty()) {
            expression.append(" ADD #names :names");
            values.put(":names", AttributeValue.fromSs(customNames));
        }
        if (!customNames.isEmpty() || condition != null) {
            names.put("#names", CUSTOM_ATTRIBUTE_NAMES);
        }
        UpdateItemRequest.Builder request = UpdateItemRequest.builder()
                .tableName(table)
                .key(CustomersTable.profileKey(upsert.projectId(), upsert.customerId()))
                .updateExpression(expression.toString())
                .expressionAttributeNames(names)
                .expressionAttributeValues(values);
        if (condition != null) {
            request.conditionExpression(condition)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
        }
        try {
            dynamoDb.updateItem(request.build());
        } catch (ConditionalCheckFailedException e) {
            throw e;
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(table, e);
        }
    }

    private Set<String> readNames(CustomerUpsert upsert) {
        try {
            return namesIn(dynamoDb.getItem(get -> get.tableName(table)
                    .key(CustomersTable.profileKey(upsert.projectId(), upsert.customerId()))
                    .consistentRead(true)
                    .projectionExpression("#names")
                    .expressionAttributeNames(Map.of("#names", CUSTOM_ATTRIBUTE_NAMES))).item());
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(table, e);
        }
    }

    private static Set<String> namesIn(Map<String, AttributeValue> item) {
        AttributeValue names = item == null ? null : item.get(CUSTOM_ATTRIBUTE_NAMES);
        return names == null || !names.hasSs() ? Set.of() : new HashSet<>(names.ss());
    }

    /**
     * One item per ignored value, keyed by attribute and value, so a retry rewrites the same item rather than adding
     * one, and the profile item never grows with values that were not applied.
     */
    @Override
    public void keepIgnored(String projectId, String customerId, List<IgnoredAttribute> ignored, Instant now) {
        List<WriteRequest> writes = new ArrayList<>(ignored.size());
        for (IgnoredAttribute attribute : ignored) {
            writes.add(WriteRequest.builder()
                    .putRequest(PutRequest.builder().item(ignoredItem(projectId, customerId, attribute, now)).build())
                    .build());
        }
        BatchRequests.writeAll(dynamoDb, table, writes);
    }

    private static Map<String, AttributeValue> ignoredItem(String projectId, String customerId,
                                                           IgnoredAttribute ignored, Instant now) {
        StringBuilder canonical = new StringBuilder(ignored.reason().code()).append('\u0000');
        CanonicalJson.append(ignored.value(), canonical);
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, AttributeValue.fromS(CustomerPartition.of(projectId, customerId)));
        item.put(SK, AttributeValue.fromS(CustomersTable.ignoredSortKey(ignored.attribute(),
                Digests.sha256Base64Url(canonical.toString(), 9))));
        item.put(PROJECT_ID, AttributeValue.fromS(projectId));
        item.put(CUSTOMER_ID, AttributeValue.fromS(customerId));
        item.put(ATTRIBUTE, AttributeValue.fromS(ignored.attribute()));
        item.put(REASON, AttributeValue.fromS(ignored.reason().code()));
        item.put(RECEIVED_TYPE, AttributeValue.fromS(ignored.receivedType().wireName()));
        if (ignored.registeredType() != null) {
            item.put(REGISTERED_TYPE, AttributeValue.fromS(ignored.registeredType().wireName()));
        }
        if (ignored.limit() != null) {
            item.put(LIMIT, AttributeValue.fromN(Integer.toString(ignored.limit())));
        }
        item.put(VALUE, AttributeValues.of(ignored.value()));
        item.put(RECEIVED_AT, AttributeValue.fromS(Dates.format(now)));
        return item;
    }

    /**
     * One Query of the customer's partition, newest sort key first: the profile ("profile") sorts after every kept
     * value ("ignored#..."), so it comes first, then the kept values, one more than asked to tell whether there are
     * more. Eventually consistent: half a read unit per 4 KB read.
     */
    @Override
    public Optional<StoredProfile> find(String projectId, String customerId, int maxIgnored) {
        QueryResponse page;
        try {
            page = dynamoDb.query(query -> query.tableName(table)
                    .keyConditionExpression("#pk = :pk AND #sk <= :profile")
                    .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                    .expressionAttributeValues(Map.of(
                            ":pk", AttributeValue.fromS(CustomerPartition.of(projectId, customerId)),
                            ":profile", AttributeValue.fromS(PROFILE)))
                    .scanIndexForward(false)
                    .limit(maxIgnored + 2));
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(table, e);
        }
        List<Map<String, AttributeValue>> items = page.items();
        if (items.isEmpty() || !PROFILE.equals(items.get(0).get(SK).s())) {
            return Optional.empty();
        }
        Map<String, AttributeValue> profile = items.get(0);
        Map<String, String> reserved = new TreeMap<>();
        Map<String, JsonNode> custom = new TreeMap<>();
        profile.forEach((name, value) -> {
            if (RESERVED.contains(name) && value.s() != null) {
                reserved.put(name, value.s());
            } else if (name.startsWith(CUSTOM_PREFIX)) {
                custom.put(name.substring(CUSTOM_PREFIX.length()), AttributeValues.json(value));
            }
        });
        List<KeptValue> ignored = new ArrayList<>();
        for (Map<String, AttributeValue> item : items.subList(1, items.size())) {
            if (ignored.size() < maxIgnored && item.get(SK).s().startsWith(IGNORED_PREFIX)) {
                ignored.add(keptIn(item));
            }
        }
        boolean more = items.size() > maxIgnored + 1 || (page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty());
        return Optional.of(new StoredProfile(text(profile, CREATED_AT), text(profile, UPDATED_AT), reserved, custom,
                ignored, more));
    }

    private static KeptValue keptIn(Map<String, AttributeValue> item) {
        AttributeValue registered = item.get(REGISTERED_TYPE);
        AttributeValue limit = item.get(LIMIT);
        IgnoredAttribute ignored = new IgnoredAttribute(item.get(ATTRIBUTE).s(),
                IgnoredAttribute.Reason.fromCode(item.get(REASON).s()),
                registered == null ? null : AttributeType.fromWireName(registered.s()),
                AttributeType.fromWireName(item.get(RECEIVED_TYPE).s()),
                limit == null ? null : Integer.valueOf(limit.n()),
                AttributeValues.json(item.get(VALUE)));
        return new KeptValue(ignored, text(item, RECEIVED_AT));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
