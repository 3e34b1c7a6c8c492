package dev.trackingapi.store.dynamodb;

import dev.trackingapi.model.Dates;
import dev.trackingapi.model.ErasureCounts;
import dev.trackingapi.model.ErasureReceipt;
import dev.trackingapi.store.ErasureLedger;
import dev.trackingapi.store.ErasureState;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.trackingapi.store.dynamodb.ErasureReceiptsTable.*;

/**
 * Erasure receipts and running erasures in the receipts table ({@link ErasureReceiptsTable}). Every write is one
 * conditional PutItem or UpdateItem; a condition that fails returns the item as it is
 * (ReturnValuesOnConditionCheckFailure), so no write is ever followed by a read, and a write whose answer was lost
 * (and that the SDK retried) is recognised by the token it left.
 */
public final class DynamoDbErasureLedger implements ErasureLedger {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ID_BYTES = Long.BYTES;

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbErasureLedger(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public String open(String projectId, String customerHash, String newReceiptId, Instant requestedAt) {
        String receiptId = newReceiptId;
        Instant openedAt = requestedAt;
        try {
            dynamoDb.putItem(put -> put.tableName(table)
                    .item(Map.of(ID, AttributeValue.fromS(openMarkerId(projectId, customerHash)),
                            RECEIPT_ID, AttributeValue.fromS(newReceiptId),
                            REQUESTED_AT, AttributeValue.fromS(Dates.format(requestedAt))))
                    .conditionExpression("attribute_not_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", ID))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        } catch (ConditionalCheckFailedException open) {
            if (!open.hasItem() || !open.item().containsKey(RECEIPT_ID)) {
                throw new IllegalStateException("the open erasure marker of a customer names no receipt", open);
            }
            receiptId = open.item().get(RECEIPT_ID).s();
            AttributeValue at = open.item().get(REQUESTED_AT);
            openedAt = at == null ? requestedAt : Instant.parse(at.s());
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(table, e);
        }
        // Also when the marker was there already: a call that failed between the two writes left no receipt.
        Map<String, AttributeValue> receipt = new HashMap<>();
        receipt.put(ID, AttributeValue.fromS(receiptId));
        receipt.put(PROJECT_ID, AttributeValue.fromS(projectId));
        receipt.put(CUSTOMER_HASH, AttributeValue.fromS(customerHash));
        receipt.put(REQUESTED_AT, AttributeValue.fromS(Dates.format(openedAt)));
        receipt.put(STATUS, AttributeValue.fromS(ERASING));
        receipt.put(PROFILE, number(0));
        receipt.put(EVENTS, number(0));
        receipt.put(OTHER, number(0));
        receipt.put(VERSION, number(0));
        try {
            dynamoDb.putItem(put -> put.tableName(table).item(receipt)
                    .conditionExpression("attribute_not_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", ID)));
        } catch (ConditionalCheckFailedException exists) {
            // Opened before: its progress stays as it is.
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(table, e);
        }
        return receiptId;
    }

    @Override
    public void close(String projectId, String customerHash, String receiptId) {
        try {
            dynamoDb.deleteItem(delete -> delete.tableName(table)
                    .key(key(openMarkerId(projectId, customerHash)))
                    .conditionExpression("#receipt = :receipt")
                    .expressionAttributeNames(Map.of("#receipt", RECEIPT_ID))
                    .expressionAttributeValues(Map.of(":receipt", AttributeValue.fromS(receiptId))));
        } catch (ConditionalCheckFailedException gone) {
            // Closed already (a retry), or it names a newer erasure.
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(table, e);
        }
    }

    @Override
    public Lease lease(String receiptId, String owner, Instant now, Instant until) {
        UpdateItemRequest request = UpdateItemRequest.builder().tableName(table).key(key(receiptId))
                .updateExpression("SET #owner = :owner, #until = :until, #version = if_not_exists(#version, :zero) + :one")
                .conditionExpression("attribute_exists(#id) AND #status = :erasing"
                        + " AND (attribute_not_exists(#until) OR #until < :now OR #owner = :owner)")
                .expressionAttributeNames(Map.of("#owner", LEASE_OWNER, "#until", LEASE_UNTIL, "#version", VERSION,
                        "#id", ID, "#status", STATUS))
                .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(owner),
                        ":until", number(until.toEpochMilli()), ":now", number(now.toEpochMilli()),
                        ":zero", number(0), ":one", number(1), ":erasing", AttributeValue.fromS(ERASING)))
                .returnValues(ReturnValue.ALL_NEW)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
        try {
            ErasureState held = state(receiptId, dynamoDb.updateItem(request).attributes());
            return new Lease(true, new ErasureState(held.receipt(), held.version(), owner, held.pending(),
                    held.generationDue(), held.settleAfter()));
        } catch (ConditionalCheckFailedException refused) {
            if (!refused.hasItem() || refused.item().isEmpty()) {
                throw new IllegalStateException("erasure receipt " + receiptId + " does not exist", refused);
            }
            return new Lease(false, state(receiptId, refused.item()));
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(table, e);
        }
    }

    @Override
    public ErasureState record(ErasureState current, ErasureState next) {
        String writer = token();
        Map<String, String> names = new HashMap<>(Map.of("#version", VERSION, "#owner", LEASE_OWNER,
                "#writer", WRITER, "#profile", PROFILE, "#events", EVENTS, "#other", OTHER, "#due", GENERATION_DUE,
                "#pending", PENDING, "#settle", SETTLE_AFTER));
        if (next.receipt().cutoffAt() != null) {
            names.put("#cutoff", CUTOFF_AT);
        }
        Map<String, AttributeValue> values = new HashMap<>(counts(next.receipt().erased()));
        values.put(":version", number(current.version()));
        values.put(":next", number(current.version() + 1));
        values.put(":owner", AttributeValue.fromS(current.leaseOwner()));
        values.put(":writer", AttributeValue.fromS(writer));
        values.put(":due", AttributeValue.fromBool(next.generationDue()));
        StringBuilder set = new StringBuilder("SET #version = :next, #writer = :writer, #profile = :profile,"
                + " #events = :events, #other = :other, #due = :due");
        if (next.receipt().cutoffAt() != null) {
            set.append(", #cutoff = :cutoff");
            values.put(":cutoff", AttributeValue.fromS(Dates.format(next.receipt().cutoffAt())));
        }
        List<String> remove = new ArrayList<>();
        if (next.pending().isEmpty()) {
            remove.add("#pending");
        } else {
            set.append(", #pending = :pending");
            values.put(":pending", AttributeValue.fromB(SdkBytes.fromByteArray(encode(next.pending()))));
        }
        if (next.settleAfter() == null) {
            remove.add("#settle");
        } else {
            set.append(", #settle = :settle");
            values.put(":settle", number(next.settleAfter().toEpochMilli()));
        }
        String expression = set + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        try {
            dynamoDb.updateItem(update -> update.tableName(table).key(key(current.receipt().receiptId()))
                    .updateExpression(expression)
                    .conditionExpression("#version = :version AND #owner = :owner")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        } catch (ConditionalCheckFailedException overtaken) {
            Map<String, AttributeValue> item = overtaken.hasItem() ? overtaken.item() : Map.of();
            if (!writer.equals(text(item, WRITER))) {
                throw new LeaseLostException(state(current.receipt().receiptId(), item));
            }
            // Written by this very request: its first answer was lost and the SDK sent it again.
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(table, e);
        }
        return next.withVersion(current.version() + 1);
    }

    @Override
    public ErasureReceipt complete(ErasureState state, Instant completedAt) {
        Map<String, AttributeValue> values = new HashMap<>(counts(state.receipt().erased()));
        values.put(":version", number(state.version()));
        values.put(":owner", AttributeValue.fromS(state.leaseOwner()));
        values.put(":complete", AttributeValue.fromS(COMPLETE));
        values.put(":completedAt", AttributeValue.fromS(Dates.format(completedAt)));
        try {
            dynamoDb.updateItem(update -> update.tableName(table).key(key(state.receipt().receiptId()))
                    .updateExpression("SET #status = :complete, #completedAt = :completedAt, #profile = :profile,"
                            + " #events = :events, #other = :other"
                            + " REMOVE #version, #owner, #until, #pending, #due, #settle, #writer")
                    .conditionExpression("#version = :version AND #owner = :owner")
                    .expressionAttributeNames(Map.ofEntries(Map.entry("#status", STATUS),
                            Map.entry("#completedAt", COMPLETED_AT), Map.entry("#profile", PROFILE),
                            Map.entry("#events", EVENTS), Map.entry("#other", OTHER), Map.entry("#version", VERSION),
                            Map.entry("#owner", LEASE_OWNER), Map.entry("#until", LEASE_UNTIL),
                            Map.entry("#pending", PENDING), Map.entry("#due", GENERATION_DUE),
                            Map.entry("#settle", SETTLE_AFTER), Map.entry("#writer", WRITER)))
                    .expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        } catch (ConditionalCheckFailedException overtaken) {
            Map<String, AttributeValue> item = overtaken.hasItem() ? overtaken.item() : Map.of();
            if (!COMPLETE.equals(text(item, STATUS)) || !Dates.format(completedAt).equals(text(item, COMPLETED_AT))) {
                throw new LeaseLostException(state(state.receipt().receiptId(), item));
            }
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(table, e);
        }
        ErasureReceipt receipt = state.receipt();
        return new ErasureReceipt(receipt.receiptId(), receipt.projectId(), receipt.customerHash(),
                receipt.requestedAt(), receipt.cutoffAt(), completedAt, receipt.erased());
    }

    @Override
    public void release(ErasureState state) {
        try {
            dynamoDb.updateItem(update -> update.tableName(table).key(key(state.receipt().receiptId()))
                    .updateExpression("REMOVE #owner, #until SET #version = :next")
                    .conditionExpression("#version = :version AND #owner = :owner")
                    .expressionAttributeNames(Map.of("#owner", LEASE_OWNER, "#until", LEASE_UNTIL,
                            "#version", VERSION))
                    .expressionAttributeValues(Map.of(":version", number(state.version()),
                            ":next", number(state.version() + 1), ":owner", AttributeValue.fromS(state.leaseOwner()))));
        } catch (ConditionalCheckFailedException gone) {
            // Taken over, or released by this request's own retried write.
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(table, e);
        }
    }

    @Override
    public Optional<ErasureReceipt> find(String receiptId) {
        if (!receiptId.startsWith(RECEIPT_ID_PREFIX)) {
            return Optional.empty();
        }
        try {
            Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).key(key(receiptId))
                    .consistentRead(true)).item();
            return item == null || item.isEmpty() || !item.containsKey(PROJECT_ID) ? Optional.empty()
                    : Optional.of(receipt(receiptId, item));
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(table, e);
        }
    }

    @Override
    public List<ErasureReceipt> listByProject(String projectId) {
        List<ErasureReceipt> receipts = new ArrayList<>();
        try {
            dynamoDb.queryPaginator(QueryRequest.builder().tableName(table).indexName(BY_PROJECT_INDEX)
                    .keyConditionExpression("#project = :project")
                    .expressionAttributeNames(Map.of("#project", PROJECT_ID))
                    .expressionAttributeValues(Map.of(":project", AttributeValue.fromS(projectId)))
                    .scanIndexForward(false)
                    .build()).items().forEach(item -> receipts.add(receipt(item.get(ID).s(), item)));
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(table, e);
        }
        return receipts;
    }

    /** A token for one write: 16 random bytes, base64url. */
    private static String token() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The state in an item. An item without attributes is what a SnapStart rehearsal's answers hold: it reads as a
     * running erasure with nothing counted yet.
     */
    private static ErasureState state(String receiptId, Map<String, AttributeValue> item) {
        AttributeValue due = item.get(GENERATION_DUE);
        return new ErasureState(receipt(receiptId, item), longOf(item, VERSION), text(item, LEASE_OWNER),
                decode(item.get(PENDING)), due != null && Boolean.TRUE.equals(due.bool()),
                item.containsKey(SETTLE_AFTER) ? Instant.ofEpochMilli(longOf(item, SETTLE_AFTER)) : null);
    }

    private static ErasureReceipt receipt(String receiptId, Map<String, AttributeValue> item) {
        String requestedAt = text(item, REQUESTED_AT);
        String cutoffAt = text(item, CUTOFF_AT);
        String completedAt = COMPLETE.equals(text(item, STATUS)) ? text(item, COMPLETED_AT) : null;
        return new ErasureReceipt(receiptId, text(item, PROJECT_ID), text(item, CUSTOMER_HASH),
                requestedAt == null ? null : Instant.parse(requestedAt),
                cutoffAt == null ? null : Instant.parse(cutoffAt),
                completedAt == null ? null : Instant.parse(completedAt),
                new ErasureCounts(longOf(item, PROFILE), longOf(item, EVENTS), longOf(item, OTHER)));
    }

    private static Map<String, AttributeValue> counts(ErasureCounts counts) {
        return Map.of(":profile", number(counts.profile()), ":events", number(counts.events()),
                ":other", number(counts.other()));
    }

    static byte[] encode(Set<Long> ids) {
        ByteBuffer bytes = ByteBuffer.allocate(ids.size() * ID_BYTES);
        ids.stream().sorted().forEach(bytes::putLong);
        return bytes.array();
    }

    static Set<Long> decode(AttributeValue value) {
        if (value == null || value.b() == null) {
            return Set.of();
        }
        ByteBuffer bytes = value.b().asByteBuffer();
        Set<Long> ids = new HashSet<>(bytes.remaining() / ID_BYTES * 2);
        while (bytes.remaining() >= ID_BYTES) {
            ids.add(bytes.getLong());
        }
        return ids;
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static long longOf(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
