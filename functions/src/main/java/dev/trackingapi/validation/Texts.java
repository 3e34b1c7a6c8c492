package dev.trackingapi.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** Checks for the identifying strings of a request: names, customer ids, event ids. */
public final class Texts {
    private Texts() {
    }

    /**
     * Reads a required identifying string: present, a JSON string, not blank, at most {@code maxLength} characters
     * (counted as Unicode code points, so an emoji is one), without control characters or broken UTF-16.
     * Returns null after recording a problem.
     */
    public static String requiredIdentifier(JsonNode node, JsonPath path, int maxLength, Problems problems) {
        if (node == null || node.isMissingNode()) {
            problems.add(path, "any.required", "is required");
            return null;
        }
        return identifier(node, path, maxLength, problems);
    }

    /** As {@link #requiredIdentifier} for a field that may be absent (absent or null reads as null without a problem). */
    public static String optionalIdentifier(JsonNode node, JsonPath path, int maxLength, Problems problems) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        return identifier(node, path, maxLength, problems);
    }

    private static String identifier(JsonNode node, JsonPath path, int maxLength, Problems problems) {
        if (!node.isTextual()) {
            problems.add(path, "string.base", "must be a string", scalarOrNull(node), Map.of());
            return null;
        }
        String text = node.textValue();
        if (text.isEmpty()) {
            problems.add(path, "string.empty", "is not allowed to be empty", text, Map.of());
            return null;
        }
        if (text.isBlank()) {
            problems.add(path, "string.blank", "must not be blank", text, Map.of());
            return null;
        }
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            problems.add(path, "string.max", "length must be less than or equal to " + maxLength
                    + " characters long (it is " + length + ")", text, Map.of("limit", maxLength));
            return null;
        }
        if (hasControlCharacter(text)) {
            problems.add(path, "string.control", "must not contain control characters", text, Map.of());
            return null;
        }
        return isValidUnicode(text, "contains", path, problems) ? text : null;
    }

    /**
     * Whether the text is valid Unicode; otherwise records that it has an unpaired surrogate.
     *
     * @param what how the message says where, before "an unpaired UTF-16 surrogate": "contains", "has a key with"
     */
    static boolean isValidUnicode(String text, String what, JsonPath path, Problems problems) {
        if (hasUnpairedSurrogate(text)) {
            problems.add(path, "string.unicode", what + " an unpaired UTF-16 surrogate (not valid Unicode)");
            return false;
        }
        return true;
    }

    public static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                return true;
            }
        }
        return false;
    }

    /** A lone surrogate (possible through a JSON \\uD800 escape) cannot be encoded as UTF-8 and would be stored as '?'. */
    public static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text with every unpaired surrogate replaced by U+FFFD, so that it can be sent back: a lone surrogate has no
     * UTF-8 form, and echoing one (a client's \\uD800 in a key, or a value shortened inside an emoji) would make the
     * response body invalid Unicode.
     */
    public static String withoutUnpairedSurrogates(String text) {
        if (!hasUnpairedSurrogate(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    /** The value to echo in a problem's context: scalars only, never a whole object or array. */
    public static Object scalarOrNull(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return null;
    }

    /** Names a JSON node's kind for messages: "an object", "an array", "a string", ... */
    public static String kindOf(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        return switch (node.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
