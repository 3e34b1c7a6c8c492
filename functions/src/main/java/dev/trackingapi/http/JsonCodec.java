package dev.trackingapi.http;

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
import dev.trackingapi.domain.Values;

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
public final class JsonCodec {
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

    /** A whole document: @return its root, or null when there is no JSON value at all. */
    public static JsonNode parse(String json) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            return parseDocument(parser);
        }
    }

    private static JsonNode parseDocument(JsonParser parser) throws IOException {
        JsonNode root = readValue(parser);
        if (root != null && parser.nextToken() != null) {
            throw new JsonParseException(parser, "Unexpected content after the JSON value (trailing token "
                    + parser.currentToken() + ")");
        }
        return root;
    }

    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = Values.NODES.objectNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String name = parser.currentName();
                    object.set(name, value(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = Values.NODES.arrayNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(value(parser, next));
                }
                return array;
            }
            case VALUE_STRING:
                return Values.NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return Values.NODES.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT:
                return Values.NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE:
                return Values.NODES.booleanNode(true);
            case VALUE_FALSE:
                return Values.NODES.booleanNode(false);
            case VALUE_NULL:
                return Values.NODES.nullNode();
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
            return Values.NODES.nullNode();
        }
        if (value instanceof String text) {
            return Values.NODES.textNode(text);
        }
        if (value instanceof Boolean bool) {
            return Values.NODES.booleanNode(bool);
        }
        if (value instanceof Integer number) {
            return Values.NODES.numberNode(number);
        }
        if (value instanceof Long number) {
            return Values.NODES.numberNode(number);
        }
        if (value instanceof java.math.BigDecimal number) {
            return Values.NODES.numberNode(number);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = Values.NODES.arrayNode(list.size());
            list.forEach(element -> array.add(treeOf(element)));
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = Values.NODES.objectNode();
            map.forEach((key, element) -> object.set(String.valueOf(key), treeOf(element)));
            return object;
        }
        return Values.NODES.textNode(String.valueOf(value));
    }
}
