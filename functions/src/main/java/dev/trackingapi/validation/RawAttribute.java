package dev.trackingapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.model.AttributeType;

/**
 * An attribute as it appears in a request, before its value is checked.
 *
 * @param declaredType the type named in the typed form, or null in the flat form (the type is inferred from the value)
 * @param typePath     where the type was named, or null in the flat form
 */
public record RawAttribute(String name, AttributeType declaredType, JsonNode value, JsonPath valuePath, JsonPath typePath) {
}
