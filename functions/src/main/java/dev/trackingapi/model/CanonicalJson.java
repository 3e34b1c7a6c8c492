package dev.trackingapi.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One text per value, whatever the key order or number spelling it was sent with: the input of content hashes. */
public final class CanonicalJson {
    private CanonicalJson() {
    }

    public static void append(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
                fields.sort(Map.Entry.comparingByKey());
                out.append('{');
                for (Map.Entry<String, JsonNode> field : fields) {
                    appendString(field.getKey(), out);
                    out.append(':');
                    append(field.getValue(), out);
                    out.append(',');
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (JsonNode element : node) {
                    append(element, out);
                    out.append(',');
                }
                out.append(']');
            }
            case NUMBER -> out.append(node.decimalValue().signum() == 0 ? "0"
                    : node.decimalValue().stripTrailingZeros().toString());
            case STRING -> appendString(node.textValue(), out);
            default -> out.append(node.asText());
        }
    }

    /** Length-prefixed, so that no string can end early and run into the next. */
    public static void appendString(String text, StringBuilder out) {
        out.append('"').append(text.length()).append(':').append(text).append('"');
    }
}
