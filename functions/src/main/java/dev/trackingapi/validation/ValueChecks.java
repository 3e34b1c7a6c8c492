package dev.trackingapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.trackingapi.model.AttributeType;

/**
 * The API's rules for one value or one name, for tools that prepare data for it (the importer checks every cell of a
 * CSV file before it sends anything): what the API would say, without the path it would name.
 */
public final class ValueChecks {
    private ValueChecks() {
    }

    /** Why the API would refuse the value as an attribute of this type ("must be a number ..."), or null. */
    public static String problemWithValue(AttributeType type, JsonNode value) {
        Problems problems = new Problems();
        Values.normalise(type, value, JsonPath.root(), problems);
        return firstMessage(problems);
    }

    /**
     * Why the API would refuse the text as an identifier of at most {@code maxLength} characters (a name, a customer
     * id: present, not blank, no control characters), or null.
     */
    public static String problemWithIdentifier(String text, int maxLength) {
        Problems problems = new Problems();
        Texts.requiredIdentifier(TextNode.valueOf(text), JsonPath.root(), maxLength, problems);
        return firstMessage(problems);
    }

    private static String firstMessage(Problems problems) {
        if (problems.isEmpty()) {
            return null;
        }
        String message = problems.listed().get(0).message();
        String label = JsonPath.root().label() + " ";
        return message.startsWith(label) ? message.substring(label.length()) : message;
    }
}
