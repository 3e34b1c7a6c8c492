package dev.trackingapi.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A validated attribute: its name, its type (declared, or inferred from a flat object) and its value in stored form.
 *
 * @param anyArrayType true for an empty array sent in a flat object: it has no element to infer a type from,
 *                     so it takes the attribute's registered array type (string array when the attribute is new)
 */
public record Attribute(String name, AttributeType type, JsonNode value, boolean anyArrayType) {
    public Attribute(String name, AttributeType type, JsonNode value) {
        this(name, type, value, false);
    }

    public Attribute withType(AttributeType resolved) {
        return new Attribute(name, resolved, value, false);
    }
}
