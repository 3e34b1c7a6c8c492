package dev.trackingapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.model.AttributeType;

/**
 * Types of values sent in the flat form {@code {name: value}}:
 * string, number, boolean, an array of one scalar kind, or an object (custom). Strings are never read as dates.
 */
final class TypeInference {
    private TypeInference() {
    }

    public record Inferred(AttributeType type, boolean anyArrayType) {
    }

    public static Inferred infer(JsonNode value, JsonPath path, Problems problems) {
        switch (value.getNodeType()) {
            case STRING:
                return new Inferred(AttributeType.STRING, false);
            case NUMBER:
                return new Inferred(AttributeType.NUMBER, false);
            case BOOLEAN:
                return new Inferred(AttributeType.BOOLEAN, false);
            case OBJECT:
                return new Inferred(AttributeType.CUSTOM, false);
            case ARRAY:
                return array(value, path, problems);
            default:
                problems.add(path, "any.invalid", "must not be " + Texts.kindOf(value)
                        + ": the type of a flat attribute is read from its value");
                return null;
        }
    }

    private static Inferred array(JsonNode array, JsonPath path, Problems problems) {
        if (array.isEmpty()) {
            return new Inferred(AttributeType.STRING_ARRAY, true);
        }
        JsonNode first = array.get(0);
        AttributeType type = switch (first.getNodeType()) {
            case STRING -> AttributeType.STRING_ARRAY;
            case NUMBER -> AttributeType.NUMBER_ARRAY;
            case BOOLEAN -> AttributeType.BOOLEAN_ARRAY;
            default -> null;
        };
        boolean oneKind = type != null;
        for (int i = 1; oneKind && i < array.size(); i++) {
            oneKind = array.get(i).getNodeType() == first.getNodeType();
        }
        if (!oneKind) {
            problems.add(path, "array.includes", "must hold only strings, only numbers or only booleans to infer its type;"
                    + " send other arrays in the typed form, or inside an object of type custom");
            return null;
        }
        return new Inferred(type, false);
    }
}
