package dev.trackingapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.model.Attribute;
import dev.trackingapi.model.AttributeType;
import dev.trackingapi.model.CustomerRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and validates the body of a customer route; throws {@link RequestValidationException} listing every problem. */
public final class CustomerRequestReader {
    public static final Set<String> RESERVED_ATTRIBUTES = Set.of("name", "email", "mobile");

    private CustomerRequestReader() {
    }

    /** {id, attributes} with attributes in the flat or the typed form; other top-level fields are ignored. */
    public static CustomerRequest read(JsonNode body) {
        Problems problems = new Problems();
        JsonPath root = JsonPath.root();
        if (!body.isObject()) {
            problems.add(root, "object.base", "must be a JSON object (got " + Texts.kindOf(body) + ")");
            problems.throwIfAny();
        }
        String customerId = Texts.requiredIdentifier(body.get("id"), root.field("id"), Limits.MAX_CUSTOMER_ID_LENGTH,
                problems);
        List<RawAttribute> raw = AttributesReader.read(body.get("attributes"), root.field("attributes"), false,
                Limits.MAX_ATTRIBUTES_PER_CUSTOMER_REQUEST, problems);
        Map<String, String> reserved = new LinkedHashMap<>();
        List<Attribute> custom = new ArrayList<>(raw.size());
        for (RawAttribute attribute : raw) {
            if (RESERVED_ATTRIBUTES.contains(attribute.name())) {
                String value = reservedValue(attribute, problems);
                if (value != null) {
                    reserved.put(attribute.name(), value);
                }
            } else {
                Attribute typed = AttributesReader.typed(attribute, problems);
                if (typed != null) {
                    custom.add(typed);
                }
            }
        }
        problems.throwIfAny();
        return new CustomerRequest(customerId, reserved, custom);
    }

    /**
     * Reserved attributes are strings; in the flat form a number (a mobile number sent as one) is kept as its exact
     * digits, while in the typed form the value must be of the declared type string, as every typed value must.
     */
    private static String reservedValue(RawAttribute attribute, Problems problems) {
        JsonPath path = attribute.valuePath();
        if (attribute.declaredType() != null && attribute.declaredType() != AttributeType.STRING) {
            problems.add(attribute.typePath(), "any.only",
                    "must be string: " + attribute.name() + " is a reserved string attribute", attribute.declaredType()
                            .wireName(), Map.of("valids", List.of("string")));
            return null;
        }
        JsonNode value = attribute.value();
        if (value.isTextual()) {
            return Texts.isValidUnicode(value.textValue(), "contains", path, problems) ? value.textValue() : null;
        }
        if (value.isNumber() && attribute.declaredType() == null) {
            // Only in the flat form, where a type is read from the value; a declared string must be one.
            return Values.storable(value.decimalValue(), path, problems, " (" + attribute.name()
                    + " is a reserved string attribute; send it as a string)")
                    ? value.decimalValue().toPlainString() : null;
        }
        problems.add(path, "string.base", "must be a string: " + attribute.name() + " is a reserved string attribute (got "
                + Texts.kindOf(value) + ")", Texts.scalarOrNull(value), Map.of());
        return null;
    }
}
