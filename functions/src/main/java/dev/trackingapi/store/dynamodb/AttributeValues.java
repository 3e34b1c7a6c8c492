package dev.trackingapi.store.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Values in stored form as DynamoDB's native types: S, N (exact), BOOL, NULL, L and M, so they stay queryable. */
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

    static int mapCapacity(int entries) {
        return (int) (entries / 0.75f) + 1;
    }
}
