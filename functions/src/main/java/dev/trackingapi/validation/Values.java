package dev.trackingapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.trackingapi.model.AttributeType;
import dev.trackingapi.model.Dates;
import dev.trackingapi.model.JsonNodes;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Checks that a value is of its declared type and returns it in the one form it is stored in:
 * numbers as exact decimals, dates as UTC ISO-8601 text, everything else as sent. Returns null after recording
 * a problem, so that one pass over a request lists every problem.
 */
final class Values {

    private Values() {
    }

    public static JsonNode normalise(AttributeType type, JsonNode value, JsonPath path, Problems problems) {
        if (value == null || value.isMissingNode()) {
            problems.add(path, "any.required", "is required");
            return null;
        }
        if (value.isNull()) {
            problems.add(path, "any.invalid", "must not be null (a " + type.wireName() + " is expected)",
                    null, Map.of("type", type.wireName()));
            return null;
        }
        return switch (type.shape()) {
            case SCALAR -> scalar(type, value, path, problems);
            case ARRAY -> array(type, value, path, problems);
            case MAP -> map(type, value, path, problems);
            case CUSTOM -> custom(value, path, problems);
        };
    }

    private static JsonNode scalar(AttributeType type, JsonNode value, JsonPath path, Problems problems) {
        return switch (type) {
            case STRING -> string(value, path, problems);
            case NUMBER -> number(value, path, problems);
            case BOOLEAN -> bool(value, path, problems);
            case DATE -> date(value, path, problems);
            default -> throw new IllegalArgumentException("not a scalar type: " + type);
        };
    }

    private static JsonNode string(JsonNode value, JsonPath path, Problems problems) {
        if (!value.isTextual()) {
            mismatch(AttributeType.STRING, value, path, problems);
            return null;
        }
        return checkedText(value, path, problems);
    }

    /** A number, or a string written as a JSON number ("732.23", as Shopify sends prices): read exactly either way. */
    private static JsonNode number(JsonNode value, JsonPath path, Problems problems) {
        BigDecimal number;
        if (value.isNumber()) {
            number = value.decimalValue();
        } else if (value.isTextual() && (number = Numbers.parseDecimalText(value.textValue())) != null) {
            // read below like any other number
        } else {
            mismatch(AttributeType.NUMBER, value, path, problems);
            return null;
        }
        return storable(number, path, problems, "") ? JsonNodes.FACTORY.numberNode(number) : null;
    }

    /**
     * Whether DynamoDB can store the number exactly; otherwise records why, followed by the hint.
     * Checked before a number is ever written out in full: 1e999999999 would become a billion digits.
     */
    static boolean storable(BigDecimal number, JsonPath path, Problems problems, String hint) {
        String problem = Numbers.problemWith(number);
        if (problem != null) {
            problems.add(path, "number.precision", problem + hint, null, Map.of());
            return false;
        }
        return true;
    }

    /** A boolean, or the strings "true" and "false". */
    private static JsonNode bool(JsonNode value, JsonPath path, Problems problems) {
        if (value.isBoolean()) {
            return value;
        }
        if (value.isTextual() && ("true".equals(value.textValue()) || "false".equals(value.textValue()))) {
            return BooleanNode.valueOf(Boolean.parseBoolean(value.textValue()));
        }
        mismatch(AttributeType.BOOLEAN, value, path, problems);
        return null;
    }

    private static JsonNode date(JsonNode value, JsonPath path, Problems problems) {
        DateForms.Parsed parsed;
        if (value.isTextual()) {
            parsed = DateForms.parseText(value.textValue());
        } else if (value.isNumber()) {
            parsed = DateForms.parseEpochMillis(value.decimalValue());
        } else {
            mismatch(AttributeType.DATE, value, path, problems);
            return null;
        }
        if (parsed.problem() != null) {
            problems.add(path, parsed.problemType(), parsed.problem(), Texts.scalarOrNull(value), Map.of());
            return null;
        }
        return TextNode.valueOf(Dates.format(parsed.instant()));
    }

    private static JsonNode array(AttributeType type, JsonNode value, JsonPath path, Problems problems) {
        if (!value.isArray()) {
            mismatch(type, value, path, problems);
            return null;
        }
        return checkedArray(value, path, (element, elementPath) -> elementOf(type, element, elementPath, problems));
    }

    private static JsonNode map(AttributeType type, JsonNode value, JsonPath path, Problems problems) {
        if (!value.isObject()) {
            mismatch(type, value, path, problems);
            return null;
        }
        return checkedObject(value, path, problems,
                (element, elementPath) -> elementOf(type, element, elementPath, problems));
    }

    private static JsonNode elementOf(AttributeType containerType, JsonNode element, JsonPath path, Problems problems) {
        if (element.isNull()) {
            problems.add(path, "any.invalid", "must not be null (every element of a " + containerType.wireName()
                    + " is a " + containerType.elementType().wireName() + ")");
            return null;
        }
        return scalar(containerType.elementType(), element, path, problems);
    }

    /** Any JSON object, stored as a native map so that it stays queryable; nested as deep as DynamoDB can store. */
    private static JsonNode custom(JsonNode value, JsonPath path, Problems problems) {
        if (!value.isObject()) {
            mismatch(AttributeType.CUSTOM, value, path, problems);
            return null;
        }
        return customNode(value, path, 1, problems);
    }

    private static JsonNode customNode(JsonNode node, JsonPath path, int depth, Problems problems) {
        if (node.isContainerNode() && depth > Limits.MAX_CUSTOM_DEPTH) {
            problems.add(path, "object.depth", "is nested more than " + Limits.MAX_CUSTOM_DEPTH
                    + " levels deep inside a custom value; DynamoDB cannot store it", null,
                    Map.of("limit", Limits.MAX_CUSTOM_DEPTH));
            return null;
        }
        Check child = (value, childPath) -> customNode(value, childPath, depth + 1, problems);
        if (node.isObject()) {
            return checkedObject(node, path, problems, child);
        }
        if (node.isArray()) {
            return checkedArray(node, path, child);
        }
        if (node.isNumber()) {
            return storable(node.decimalValue(), path, problems, "") ? JsonNodes.FACTORY.numberNode(node.decimalValue())
                    : null;
        }
        if (node.isTextual()) {
            return checkedText(node, path, problems);
        }
        return node;
    }

    /** Checks a child of an array or an object: its normalised form, or null after recording its problems. */
    private interface Check {
        JsonNode normalised(JsonNode child, JsonPath path);
    }

    /** The array with every element checked: null when any is not valid, once every element has been checked. */
    private static JsonNode checkedArray(JsonNode array, JsonPath path, Check check) {
        ArrayNode normalised = JsonNodes.FACTORY.arrayNode(array.size());
        boolean valid = true;
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = check.normalised(array.get(i), path.index(i));
            valid &= element != null;
            if (valid) {
                normalised.add(element);
            }
        }
        return valid ? normalised : null;
    }

    /** The object with every key and value checked: null when any is not valid, once every field has been checked. */
    private static JsonNode checkedObject(JsonNode object, JsonPath path, Problems problems, Check check) {
        ObjectNode normalised = JsonNodes.FACTORY.objectNode();
        boolean valid = true;
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            JsonPath fieldPath = path.field(field.getKey());
            valid &= checkKey(field.getKey(), fieldPath, problems);
            JsonNode value = check.normalised(field.getValue(), fieldPath);
            valid &= value != null;
            if (valid) {
                normalised.set(field.getKey(), value);
            }
        }
        return valid ? normalised : null;
    }

    private static JsonNode checkedText(JsonNode text, JsonPath path, Problems problems) {
        return Texts.isValidUnicode(text.textValue(), "contains", path, problems) ? text : null;
    }

    private static boolean checkKey(String key, JsonPath path, Problems problems) {
        if (key.isEmpty()) {
            problems.add(path, "object.key", "has an empty key; DynamoDB map keys must not be empty");
            return false;
        }
        return Texts.isValidUnicode(key, "has a key with", path, problems);
    }

    private static void mismatch(AttributeType expected, JsonNode value, JsonPath path, Problems problems) {
        problems.add(path, typeCode(expected), "must be " + article(expected) + " (got " + Texts.kindOf(value) + ")",
                Texts.scalarOrNull(value), Map.of("type", expected.wireName()));
    }

    private static String typeCode(AttributeType type) {
        return switch (type.shape()) {
            case ARRAY -> "array.base";
            case MAP, CUSTOM -> "object.base";
            case SCALAR -> type.wireName() + ".base";
        };
    }

    private static String article(AttributeType type) {
        return switch (type) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case DATE -> "a date (" + DateForms.ACCEPTED_FORMS + ")";
            case CUSTOM -> "a JSON object (custom)";
            default -> "a " + type.wireName() + (type.isArray() ? " (a JSON array of " : " (a JSON object of ")
                    + type.elementType().wireName() + " values)";
        };
    }
}
