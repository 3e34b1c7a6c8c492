package dev.trackingapi.store.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trackingapi.model.JsonNodes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Values in stored form as DynamoDB's native types: S, N (exact), BOOL, NULL, L and M, so they stay queryable; and
 * back to JSON, numbers as exact decimals (never through a double).
 */
final class AttributeValues {
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

    /**
     * The JSON form of a stored value: the reverse of {@link #of}. Sets, which values are never stored as, read as
     * arrays, and binary as base64 text, so that nothing a table holds makes a reader fail.
     */
    public static JsonNode json(AttributeValue value) {
        switch (value.type()) {
            case S:
                return JsonNodes.FACTORY.textNode(value.s());
            case N:
                return JsonNodes.FACTORY.numberNode(new BigDecimal(value.n()));
            case BOOL:
                return JsonNodes.FACTORY.booleanNode(value.bool());
            case L: {
                ArrayNode array = JsonNodes.FACTORY.arrayNode(value.l().size());
                for (AttributeValue element : value.l()) {
                    array.add(json(element));
                }
                return array;
            }
            case M: {
                ObjectNode object = JsonNodes.FACTORY.objectNode();
                value.m().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(entry -> object.set(entry.getKey(), json(entry.getValue())));
                return object;
            }
            case SS: {
                ArrayNode array = JsonNodes.FACTORY.arrayNode(value.ss().size());
                value.ss().forEach(array::add);
                return array;
            }
            case NS: {
                ArrayNode array = JsonNodes.FACTORY.arrayNode(value.ns().size());
                value.ns().forEach(number -> array.add(new BigDecimal(number)));
                return array;
            }
            case B:
                return JsonNodes.FACTORY.textNode(java.util.Base64.getEncoder().encodeToString(value.b().asByteArray()));
            case BS: {
                ArrayNode array = JsonNodes.FACTORY.arrayNode(value.bs().size());
                value.bs().forEach(bytes -> array.add(java.util.Base64.getEncoder().encodeToString(bytes.asByteArray())));
                return array;
            }
            default:
                return JsonNodes.FACTORY.nullNode();
        }
    }

    static int mapCapacity(int entries) {
        return (int) (entries / 0.75f) + 1;
    }
}
