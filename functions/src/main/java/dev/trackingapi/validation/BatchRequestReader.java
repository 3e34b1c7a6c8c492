package dev.trackingapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.model.BatchItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the body of POST /track/batch, {@code {"batch": [item, ...]}}. The batch itself must be well formed (an object
 * with 1 to 1,000 items, each an object of a known {@code type}), otherwise {@link RequestValidationException} lists
 * every problem and nothing is written. Each item is then read by its single route's reader, on its own: an item
 * with problems is rejected with them (paths relative to the item), and the others are not affected. An item may be
 * as large as a request of its single route: 256 KB of compact JSON, its {@code type} field aside.
 */
public final class BatchRequestReader {
    public static final String EVENT = "event";
    public static final String CUSTOMER = "customer";
    public static final List<String> ITEM_TYPES = List.of(EVENT, CUSTOMER);

    private static final EventRequestReader EVENTS = EventRequestReader.trackEvent();

    private BatchRequestReader() {
    }

    /** What was read of each item, in batch order. */
    public record BatchRequest(List<Entry> entries) {
        public BatchRequest {
            entries = List.copyOf(entries);
        }
    }

    /** One item as read: valid, or rejected with its problems. */
    public sealed interface Entry {
        record Valid(BatchItem item) implements Entry {
        }

        /** @param unlisted problems found beyond the listed ones */
        record Rejected(List<ValidationProblem> problems, int unlisted) implements Entry {
            public Rejected {
                problems = List.copyOf(problems);
            }
        }
    }

    public static BatchRequest read(JsonNode body) {
        Problems problems = new Problems();
        JsonPath root = JsonPath.root();
        if (!body.isObject()) {
            problems.add(root, "object.base", "must be a JSON object {\"batch\": [item, ...]} (got "
                    + Texts.kindOf(body) + ")");
            problems.throwIfAny();
        }
        JsonNode batch = body.get("batch");
        JsonPath batchPath = root.field("batch");
        if (batch == null) {
            problems.add(batchPath, "any.required", "is required: an array of 1 to " + Limits.MAX_BATCH_ITEMS
                    + " items");
        } else if (!batch.isArray()) {
            problems.add(batchPath, "array.base", "must be an array of items (got " + Texts.kindOf(batch) + ")",
                    Texts.scalarOrNull(batch), Map.of());
        } else if (batch.isEmpty()) {
            problems.add(batchPath, "array.min", "must contain at least 1 item", null, Map.of("limit", 1));
        } else if (batch.size() > Limits.MAX_BATCH_ITEMS) {
            problems.add(batchPath, "array.max", "must contain less than or equal to " + Limits.MAX_BATCH_ITEMS
                    + " items (it has " + batch.size() + ")", null, Map.of("limit", Limits.MAX_BATCH_ITEMS));
        }
        problems.throwIfAny();
        for (int i = 0; i < batch.size(); i++) {
            checkType(batch.get(i), batchPath.index(i), problems);
        }
        problems.throwIfAny();
        List<Entry> entries = new ArrayList<>(batch.size());
        for (JsonNode item : batch) {
            entries.add(entry(item));
        }
        return new BatchRequest(entries);
    }

    private static void checkType(JsonNode item, JsonPath path, Problems problems) {
        if (!item.isObject()) {
            problems.add(path, "object.base", "must be an item object {\"type\": \"event\" or \"customer\", ...} (got "
                    + Texts.kindOf(item) + ")");
            return;
        }
        JsonNode type = item.get("type");
        JsonPath typePath = path.field("type");
        if (type == null) {
            problems.add(typePath, "any.required", "is required: one of " + ITEM_TYPES, null,
                    Map.of("valids", ITEM_TYPES));
        } else if (!type.isTextual() || !ITEM_TYPES.contains(type.textValue())) {
            problems.add(typePath, "any.only", "must be one of " + ITEM_TYPES, Texts.scalarOrNull(type),
                    Map.of("valids", ITEM_TYPES));
        }
    }

    private static Entry entry(JsonNode item) {
        long bytes = CompactJson.utf8BytesWithout(item, "type");
        if (bytes > Limits.MAX_BATCH_ITEM_BYTES) {
            return new Entry.Rejected(List.of(Problems.problem(JsonPath.root(), "object.bytes", "is " + bytes
                    + " bytes as compact JSON (its type aside); an item may be at most " + Limits.MAX_BATCH_ITEM_BYTES
                    + " bytes (256 KB), as a request of the single routes", null,
                    Map.of("limit", Limits.MAX_BATCH_ITEM_BYTES))), 0);
        }
        try {
            return new Entry.Valid(EVENT.equals(item.get("type").textValue())
                    ? new BatchItem.Event(EVENTS.read(item))
                    : new BatchItem.Customer(CustomerRequestReader.read(item)));
        } catch (RequestValidationException invalid) {
            return new Entry.Rejected(invalid.problems(), invalid.unlistedProblems());
        }
    }

    /**
     * Why a customer item that is valid was not applied: its values would make the profile larger than DynamoDB
     * stores (the single routes answer 413 for it).
     */
    public static ValidationProblem profileTooLarge() {
        return Problems.problem(JsonPath.root(), "object.storedSize", "would make the customer profile larger than"
                + " DynamoDB's 400 KB item size; nothing of it was applied. Send smaller values.", null, Map.of());
    }
}
