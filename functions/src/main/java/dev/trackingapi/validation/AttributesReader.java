package dev.trackingapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.trackingapi.model.Attribute;
import dev.trackingapi.model.AttributeType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code attributes} of a request in either documented form: the typed array
 * {@code [{name, type, value}]} or the flat object {@code {name: value}}. Checks the structure (names, type names,
 * count, duplicates); values are checked by the caller, who knows which names are reserved.
 */
final class AttributesReader {
    private static final String FORMS = "must be an array of {name, type, value} objects or an object of name: value pairs";

    private AttributesReader() {
    }

    public static List<RawAttribute> read(JsonNode attributes, JsonPath path, boolean required, int maxCount,
                                          Problems problems) {
        if (attributes == null || attributes.isMissingNode() || (attributes.isNull() && !required)) {
            if (required) {
                problems.add(path, "any.required", "is required");
            }
            return List.of();
        }
        if (attributes.isArray()) {
            checkCount(attributes.size(), path, maxCount, problems);
            return typedForm(attributes, path, problems);
        }
        if (attributes.isObject()) {
            checkCount(attributes.size(), path, maxCount, problems);
            return flatForm(attributes, path, problems);
        }
        problems.add(path, "object.base", FORMS + " (got " + Texts.kindOf(attributes) + ")");
        return List.of();
    }

    private static void checkCount(int count, JsonPath path, int maxCount, Problems problems) {
        if (count > maxCount) {
            problems.add(path, "array.max", "must contain less than or equal to " + maxCount + " items (it has "
                    + count + ")", null, Map.of("limit", maxCount));
        }
    }

    private static List<RawAttribute> typedForm(JsonNode array, JsonPath path, Problems problems) {
        List<RawAttribute> raw = new ArrayList<>(array.size());
        Map<String, Integer> firstIndexOfName = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode entry = array.get(i);
            JsonPath entryPath = path.index(i);
            if (!entry.isObject()) {
                problems.add(entryPath, "object.base", "must be an object {name, type, value} (got "
                        + Texts.kindOf(entry) + ")");
                continue;
            }
            JsonPath namePath = entryPath.field("name");
            String name = Texts.requiredIdentifier(entry.get("name"), namePath, Limits.MAX_NAME_LENGTH, problems);
            JsonPath named = name == null ? entryPath : entryPath.ofAttribute(name);
            JsonPath typePath = named.field("type");
            JsonPath valuePath = named.field("value");
            AttributeType type = typeOf(entry.get("type"), typePath, problems);
            JsonNode value = entry.get("value");
            if (value == null) {
                problems.add(valuePath, "any.required", "is required");
            }
            if (name != null) {
                Integer first = firstIndexOfName.putIfAbsent(name, i);
                if (first != null) {
                    problems.add(namePath, "array.unique", "\"" + name + "\" is a duplicate of "
                            + path.label() + "[" + first + "].name", name, Map.of("dupePos", first));
                    continue;
                }
            }
            if (name != null && type != null && value != null) {
                raw.add(new RawAttribute(name, type, value, valuePath, typePath));
            }
        }
        return raw;
    }

    private static List<RawAttribute> flatForm(JsonNode object, JsonPath path, Problems problems) {
        List<RawAttribute> raw = new ArrayList<>(object.size());
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            JsonPath fieldPath = path.field(field.getKey());
            String name = Texts.requiredIdentifier(TextNode.valueOf(field.getKey()),
                    fieldPath, Limits.MAX_NAME_LENGTH, problems);
            if (name != null) {
                raw.add(new RawAttribute(name, null, field.getValue(), fieldPath, null));
            }
        }
        return raw;
    }

    private static AttributeType typeOf(JsonNode typeNode, JsonPath path, Problems problems) {
        if (typeNode == null || typeNode.isMissingNode()) {
            problems.add(path, "any.required", "is required");
            return null;
        }
        if (!typeNode.isTextual()) {
            problems.add(path, "string.base", "must be a string naming a type, one of " + AttributeType.wireNames(),
                    Texts.scalarOrNull(typeNode), Map.of("valids", AttributeType.wireNames()));
            return null;
        }
        return AttributeType.fromName(typeNode.textValue()).orElseGet(() -> {
            problems.add(path, "any.only", "must be one of " + AttributeType.wireNames(), typeNode.textValue(),
                    Map.of("valids", AttributeType.wireNames()));
            return null;
        });
    }

    /** Checks a raw attribute's value against its declared type, or infers the type in the flat form. */
    public static Attribute typed(RawAttribute raw, Problems problems) {
        if (raw.declaredType() != null) {
            JsonNode value = Values.normalise(raw.declaredType(), raw.value(), raw.valuePath(), problems);
            return value == null ? null : new Attribute(raw.name(), raw.declaredType(), value);
        }
        TypeInference.Inferred inferred = TypeInference.infer(raw.value(), raw.valuePath(), problems);
        if (inferred == null) {
            return null;
        }
        JsonNode value = Values.normalise(inferred.type(), raw.value(), raw.valuePath(), problems);
        return value == null ? null : new Attribute(raw.name(), inferred.type(), value, inferred.anyArrayType());
    }
}
