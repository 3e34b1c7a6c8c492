package dev.trackingapi.store.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trackingapi.domain.Values;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Values in stored form to and from DynamoDB's native types: S, N (exact), BOOL, NULL, L and M, so they stay queryable. */
public final class AttributeValues {
    private static final AttributeValue NULL = AttributeValue.fromNul(true);
    private static final AttributeValue TRUE = AttributeValue.fromBool(true);
    private static final AttributeValue FALSE = AttributeValue.fromBool(false);

    private AttributeValues() {
    }

    public static AttributeValue of(JsonNode node) {
        switch (node.getNodeType()) {
            case STRING:
                return AttributeValue.fromS(node.textValue());
            case NUMBER:
                return AttributeValue.fromN(node.decimalValue().toString());
            case BOOLEAN:
                return node.booleanValue() ? TRUE : FALSE;
            case ARRAY: {
                List<AttributeValue> list = new ArrayList<>(node.size());
                for (JsonNode element : node) {
                    list.add(of(element));
                }
                return AttributeValue.fromL(list);
            }
            case OBJECT: {
                Map<String, AttributeValue> map = new HashMap<>(mapCapacity(node.size()));
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    map.put(field.getKey(), of(field.getValue()));
                }
                return AttributeValue.fromM(map);
            }
            default:
                return NULL;
        }
    }

    public static JsonNode toJson(AttributeValue value) {
        return switch (value.type()) {
            case S -> Values.NODES.textNode(value.s());
            case N -> Values.NODES.numberNode(new BigDecimal(value.n()));
            case BOOL -> Values.NODES.booleanNode(value.bool());
            case NUL -> Values.NODES.nullNode();
            case L -> {
                ArrayNode array = Values.NODES.arrayNode(value.l().size());
                value.l().forEach(element -> array.add(toJson(element)));
                yield array;
            }
            case M -> {
                ObjectNode object = Values.NODES.objectNode();
                value.m().forEach((key, element) -> object.set(key, toJson(element)));
                yield object;
            }
            case SS -> {
                ArrayNode array = Values.NODES.arrayNode(value.ss().size());
                value.ss().forEach(array::add);
                yield array;
            }
            default -> throw new IllegalArgumentException("not a stored value type: " + value.type());
        };
    }

    static int mapCapacity(int entries) {
        return (int) (entries / 0.75f) + 1;
    }
}
