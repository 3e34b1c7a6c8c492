package dev.trackingapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.model.Attribute;
import dev.trackingapi.model.Dates;
import dev.trackingapi.model.EventRequest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads and validates the body of an event route; throws {@link RequestValidationException} listing every problem. */
public final class EventRequestReader {
    private final boolean timeRequired;
    private final boolean attributesRequired;

    private EventRequestReader(boolean timeRequired, boolean attributesRequired) {
        this.timeRequired = timeRequired;
        this.attributesRequired = attributesRequired;
    }

    /** /track/event/v2 and /track/event: {customerId, name, time, attributes}, all required. */
    public static EventRequestReader trackEvent() {
        return new EventRequestReader(true, true);
    }

    /** /rest-api/event: {customerId, name, attributes}; the event happens when it is received unless a time is sent. */
    public static EventRequestReader restApiEvent() {
        return new EventRequestReader(false, false);
    }

    public EventRequest read(JsonNode body) {
        Problems problems = new Problems();
        JsonPath root = JsonPath.root();
        if (!body.isObject()) {
            problems.add(root, "object.base", "must be a JSON object (got " + Texts.kindOf(body) + ")");
            problems.throwIfAny();
        }
        String customerId = Texts.requiredIdentifier(body.get("customerId"), root.field("customerId"),
                Limits.MAX_CUSTOMER_ID_LENGTH, problems);
        String name = Texts.requiredIdentifier(body.get("name"), root.field("name"), Limits.MAX_NAME_LENGTH, problems);
        Long time = time(body.get("time"), root.field("time"), problems);
        String eventId = Texts.optionalIdentifier(body.get("eventId"), root.field("eventId"),
                Limits.MAX_EVENT_ID_LENGTH, problems);
        List<RawAttribute> raw = AttributesReader.read(body.get("attributes"), root.field("attributes"),
                attributesRequired, Limits.MAX_ATTRIBUTES_PER_EVENT, problems);
        List<Attribute> attributes = new ArrayList<>(raw.size());
        for (RawAttribute attribute : raw) {
            Attribute typed = AttributesReader.typed(attribute, problems);
            if (typed != null) {
                attributes.add(typed);
            }
        }
        problems.throwIfAny();
        return new EventRequest(customerId, name, time, eventId, attributes);
    }

    private Long time(JsonNode node, JsonPath path, Problems problems) {
        if (node == null || node.isMissingNode() || (node.isNull() && !timeRequired)) {
            if (timeRequired) {
                problems.add(path, "any.required", "is required (epoch milliseconds)");
            }
            return null;
        }
        if (!node.isNumber()) {
            problems.add(path, "number.base", "must be a number of epoch milliseconds (got " + Texts.kindOf(node) + ")",
                    Texts.scalarOrNull(node), Map.of());
            return null;
        }
        BigDecimal millis = node.decimalValue();
        if (!Numbers.isWhole(millis)) {
            problems.add(path, "number.integer", "must be a whole number of epoch milliseconds", millis, Map.of());
            return null;
        }
        if (millis.signum() < 0) {
            problems.add(path, "number.min", "must be greater than or equal to 0 (epoch milliseconds)", millis,
                    Map.of("limit", 0));
            return null;
        }
        if (millis.compareTo(BigDecimal.valueOf(Dates.MAX.toEpochMilli())) > 0) {
            problems.add(path, "number.max", "must be at most " + Dates.MAX.toEpochMilli()
                    + " (9999-12-31T23:59:59.999Z) in epoch milliseconds", millis,
                    Map.of("limit", Dates.MAX.toEpochMilli()));
            return null;
        }
        return millis.longValueExact();
    }
}
