package dev.trackingapi.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A stored value read back: its JSON form (numbers as exact decimals, dates in their stored ISO form) and the type
 * it was stored as; {@code type} is null only when the registry holds no type for it.
 */
public record TypedValue(JsonNode value, AttributeType type) {
}
