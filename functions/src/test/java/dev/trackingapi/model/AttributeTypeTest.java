package dev.trackingapi.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AttributeTypeTest {

    @ParameterizedTest
    @CsvSource({
            "string, STRING", "String, STRING", "NUMBER, NUMBER", "BigInt, NUMBER", "bigint, NUMBER",
            "boolean, BOOLEAN", "Date, DATE", "string array, STRING_ARRAY", "STRING_ARRAY, STRING_ARRAY",
            "string-array, STRING_ARRAY", "'  string  _- array ', STRING_ARRAY", "Number Array, NUMBER_ARRAY",
            "boolean_array, BOOLEAN_ARRAY", "date array, DATE_ARRAY", "string map, STRING_MAP", "number-map, NUMBER_MAP",
            "Boolean Map, BOOLEAN_MAP", "DATE_MAP, DATE_MAP", "custom, CUSTOM", "CUSTOM, CUSTOM"})
    void typeNames_areMatchedCaseInsensitivelyWithAnySeparator(String name, AttributeType expected) {
        assertThat(AttributeType.fromName(name)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "int", "float", "str", "stringarray", "string arrays", "map", "array", "object", "big int"})
    void unknownTypeNames_areNotMatched(String name) {
        assertThat(AttributeType.fromName(name)).isEmpty();
    }

    @Test
    void wireNames_areTheThirteenDocumentedTypes() {
        assertThat(AttributeType.wireNames()).containsExactly("string", "number", "boolean", "date", "string array",
                "number array", "boolean array", "date array", "string map", "number map", "boolean map", "date map",
                "custom");
    }

    @Test
    void containerTypes_knowTheirElementType() {
        assertThat(AttributeType.DATE_MAP.elementType()).isEqualTo(AttributeType.DATE);
        assertThat(AttributeType.NUMBER_ARRAY.isArray()).isTrue();
        assertThat(AttributeType.CUSTOM.elementType()).isNull();
    }
}
