package dev.trackingapi.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trackingapi.model.JsonNodes;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * JSON in and out on Jackson's streaming layer only. Building an ObjectMapper costs a cold JVM more than a hundred
 * milliseconds of class loading; the functions only need trees, which this builds straight from the parser: numbers
 * as exact decimals (never through a double), duplicate keys and trailing content refused.
 */
final class JsonCodec {
    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonCodec() {
    }

    /** A strict parser of UTF-8 bytes (duplicate keys refused). */
    public static JsonParser parser(byte[] json) throws IOException {
        return FACTORY.createParser(json);
    }

    /** Reads the next JSON value of the parser as a tree; null when the input holds no further value. */
    public static JsonNode readValue(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        return first == null ? null : value(parser, first);
    }

    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = JsonNodes.FACTORY.objectNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String name = parser.currentName();
                    object.set(name, value(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = JsonNodes.FACTORY.arrayNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(value(parser, next));
                }
                return array;
            }
            case VALUE_STRING:
                return JsonNodes.FACTORY.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return JsonNodes.FACTORY.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT:
                return JsonNodes.FACTORY.numberNode(parser.getDecimalValue());
            case VALUE_TRUE:
                return JsonNodes.FACTORY.booleanNode(true);
            case VALUE_FALSE:
                return JsonNodes.FACTORY.booleanNode(false);
            case VALUE_NULL:
                return JsonNodes.FACTORY.nullNode();
            default:
                throw new JsonParseException(parser, "Unexpected token " + token);
        }
    }

    /** Writes a tree (objects, arrays, strings, numbers, booleans, null) as compact JSON. */
    public static String write(JsonNode node) {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(node, generator);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    private static void write(JsonNode node, JsonGenerator generator) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    generator.writeFieldName(field.getKey());
                    write(field.getValue(), generator);
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode element : node) {
                    write(element, generator);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(node.textValue());
            case NUMBER -> generator.writeNumber(node.decimalValue());
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            default -> generator.writeNull();
        }
    }

    /** A problem's context as a tree: strings, numbers, booleans and lists of them. */
    static JsonNode treeOf(Object value) {
        if (value == null) {
            return JsonNodes.FACTORY.nullNode();
        }
        if (value instanceof String text) {
            return JsonNodes.FACTORY.textNode(text);
        }
        if (value instanceof Boolean bool) {
            return JsonNodes.FACTORY.booleanNode(bool);
        }
        if (value instanceof Integer number) {
            return JsonNodes.FACTORY.numberNode(number);
        }
        if (value instanceof Long number) {
            return JsonNodes.FACTORY.numberNode(number);
        }
        if (value instanceof java.math.BigDecimal number) {
            return JsonNodes.FACTORY.numberNode(number);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = JsonNodes.FACTORY.arrayNode(list.size());
            list.forEach(element -> array.add(treeOf(element)));
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = JsonNodes.FACTORY.objectNode();
            map.forEach((key, element) -> object.set(String.valueOf(key), treeOf(element)));
            return object;
        }
        return JsonNodes.FACTORY.textNode(String.valueOf(value));
    }
}
