package dev.trackingapi.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * The size of a JSON value written compactly, as the API writes JSON: no whitespace between tokens, strings in UTF-8
 * with only the escapes JSON requires (quote, backslash, control characters), numbers as their exact decimals.
 * Computed from the tree, without writing it.
 */
final class CompactJson {
    private CompactJson() {
    }

    /** The size of an object without one of its fields (absent or not). */
    static long utf8BytesWithout(JsonNode object, String field) {
        JsonNode skipped = object.get(field);
        if (skipped == null) {
            return utf8Bytes(object);
        }
        return utf8Bytes(object) - stringBytes(field) - 1 - utf8Bytes(skipped) - (object.size() > 1 ? 1 : 0);
    }

    static long utf8Bytes(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> {
                long bytes = 2 + Math.max(0, node.size() - 1);
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    bytes += stringBytes(field.getKey()) + 1 + utf8Bytes(field.getValue());
                }
                yield bytes;
            }
            case ARRAY -> {
                long bytes = 2 + Math.max(0, node.size() - 1);
                for (JsonNode element : node) {
                    bytes += utf8Bytes(element);
                }
                yield bytes;
            }
            case STRING -> stringBytes(node.textValue());
            case NUMBER -> node.decimalValue().toString().length();
            case BOOLEAN -> node.booleanValue() ? 4 : 5;
            default -> 4;
        };
    }

    private static long stringBytes(String text) {
        long bytes = 2;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c == '\b' || c == '\t' || c == '\n' || c == '\f' || c == '\r') {
                bytes += 2;
            } else if (c < 0x20) {
                bytes += 6;
            } else if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
