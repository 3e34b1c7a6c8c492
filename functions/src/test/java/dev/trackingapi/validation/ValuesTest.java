package dev.trackingapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.api.Json;
import dev.trackingapi.model.AttributeType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ValuesTest {

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static JsonNode valid(AttributeType type, String value) {
        Problems problems = new Problems();
        JsonNode normalised = Values.normalise(type, json(value), JsonPath.root().field("value"), problems);
        assertThat(problems.isEmpty()).as("problems for %s %s", type, value).isTrue();
        return normalised;
    }

    private static String problemType(AttributeType type, String value) {
        Problems problems = new Problems();
        JsonNode normalised = Values.normalise(type, json(value), JsonPath.root().field("value"), problems);
        assertThat(normalised).isNull();
        try {
            problems.throwIfAny();
        } catch (RequestValidationException e) {
            return e.problems().get(0).type();
        }
        throw new AssertionError("no problem recorded for " + type + " " + value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "string | \"hello\" | \"hello\"",
            "string | \"\" | \"\"",
            "string | \"emoji 🛒 and\\nnewline\" | \"emoji 🛒 and\\nnewline\"",
            "number | 732.23 | 732.23",
            "number | \"732.23\" | 732.23",
            "number | -5 | -5",
            "boolean | true | true",
            "boolean | \"false\" | false",
            "date | \"2020-01-20 19:14:15\" | \"2020-01-20T19:14:15.000Z\"",
            "date | 1579547655000 | \"2020-01-20T19:14:15.000Z\"",
            "string array | [\"a\",\"b\"] | [\"a\",\"b\"]",
            "string array | [] | []",
            "number array | [1,2.5,\"3\"] | [1,2.5,3]",
            "boolean array | [true,false] | [true,false]",
            "date array | [\"2020-01-20\",0] | [\"2020-01-20T00:00:00.000Z\",\"1970-01-01T00:00:00.000Z\"]",
            "string map | {\"k\":\"v\"} | {\"k\":\"v\"}",
            "number map | {\"pid1\":12.7} | {\"pid1\":12.7}",
            "boolean map | {\"a\":true} | {\"a\":true}",
            "date map | {\"p1\":\"2020-01-21 19:14:15\"} | {\"p1\":\"2020-01-21T19:14:15.000Z\"}",
            "custom | {\"a\":[1,{\"b\":null}],\"c\":\"2020-01-20\"} | {\"a\":[1,{\"b\":null}],\"c\":\"2020-01-20\"}",
            "custom | {} | {}"})
    void valuesOfTheirType_areNormalisedForStorage(String type, String value, String stored) {
        assertThat(valid(AttributeType.fromName(type).orElseThrow(), value).toString()).isEqualTo(json(stored).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "string | 5 | string.base",
            "string | true | string.base",
            "string | [\"a\"] | string.base",
            "number | \"five\" | number.base",
            "number | \"\" | number.base",
            "number | true | number.base",
            "number | 123456789012345678901234567890123456789 | number.precision",
            "number | 1e200 | number.precision",
            "boolean | 1 | boolean.base",
            "boolean | \"yes\" | boolean.base",
            "boolean | \"TRUE\" | boolean.base",
            "date | \"2020-02-30\" | date.invalid",
            "date | \"0000-01-01\" | date.range",
            "date | \"10000-01-01\" | date.format",
            "date | true | date.base",
            "date | 1.5 | date.format",
            "string array | \"a\" | array.base",
            "string array | [\"a\",1] | string.base",
            "string array | [null] | any.invalid",
            "number array | [1,\"x\"] | number.base",
            "date array | [\"2020-02-30\"] | date.invalid",
            "string map | [\"a\"] | object.base",
            "string map | {\"k\":1} | string.base",
            "number map | {\"\":1} | object.key",
            "boolean map | {\"k\":null} | any.invalid",
            "date map | {\"k\":\"soon\"} | date.format",
            "custom | [1] | object.base",
            "custom | \"text\" | object.base",
            "custom | {\"\":1} | object.key",
            "custom | {\"n\":1234567890123456789012345678901234567890} | number.precision",
            "string | null | any.invalid"})
    void valuesNotOfTheirType_areRefusedWithAProblemType(String type, String value, String problemType) {
        assertThat(problemType(AttributeType.fromName(type).orElseThrow(), value)).isEqualTo(problemType);
    }

    @Test
    void customValues_mayNestThirtyLevels_butNotThirtyOne() {
        assertThat(valid(AttributeType.CUSTOM, nested(30))).isNotNull();
        assertThat(problemType(AttributeType.CUSTOM, nested(31))).isEqualTo("object.depth");
        assertThat(problemType(AttributeType.CUSTOM, nested(40))).isEqualTo("object.depth");
    }

    @Test
    void arraysInsideCustomValues_countAsLevels() {
        String value = "[".repeat(29) + "1" + "]".repeat(29);
        assertThat(valid(AttributeType.CUSTOM, "{\"a\":" + value + "}")).isNotNull();
        assertThat(problemType(AttributeType.CUSTOM, "{\"a\":[" + value + "]}")).isEqualTo("object.depth");
    }

    @Test
    void loneSurrogates_areRefusedBecauseTheyCannotBeStoredAsUtf8() {
        assertThat(problemType(AttributeType.STRING, "\"\\ud800x\"")).isEqualTo("string.unicode");
        assertThat(problemType(AttributeType.STRING_MAP, "{\"\\udc00\":\"v\"}")).isEqualTo("string.unicode");
        assertThat(valid(AttributeType.STRING, "\"\\ud83d\\uded2\"").textValue()).isEqualTo("🛒");
    }

    @Test
    void everyBadElement_isListedWithItsPath() {
        Problems problems = new Problems();
        Values.normalise(AttributeType.NUMBER_ARRAY, json("[1,\"x\",3,true]"),
                JsonPath.root().field("attributes").index(2).field("value"), problems);

        RequestValidationException e = org.junit.jupiter.api.Assertions.assertThrows(RequestValidationException.class,
                problems::throwIfAny);
        assertThat(e.problems()).extracting(ValidationProblem::path)
                .containsExactly(List.of("attributes", 2, "value", 1), List.of("attributes", 2, "value", 3));
        assertThat(e.problems().get(0).message()).startsWith("attributes[2].value[1] must be a number");
    }

    static String nested(int depth) {
        String value = "1";
        for (int i = 0; i < depth; i++) {
            value = "{\"k\":" + value + "}";
        }
        return value;
    }
}
