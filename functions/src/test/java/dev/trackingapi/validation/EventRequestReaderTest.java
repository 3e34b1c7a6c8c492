package dev.trackingapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.api.Json;
import dev.trackingapi.model.Attribute;
import dev.trackingapi.model.AttributeType;
import dev.trackingapi.model.EventRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EventRequestReaderTest {
    private static final EventRequestReader TRACK = EventRequestReader.trackEvent();
    private static final EventRequestReader REST = EventRequestReader.restApiEvent();

    static JsonNode json(String text) {
        return Json.parse(text);
    }

    static String body(String customerId, String name, String time, String attributes) {
        return "{\"customerId\":" + customerId + ",\"name\":" + name + ",\"time\":" + time + ",\"attributes\":"
                + attributes + "}";
    }

    static List<ValidationProblem> problems(EventRequestReader reader, String body) {
        RequestValidationException e = catchThrowableOfType(RequestValidationException.class,
                () -> reader.read(json(body)));
        assertThat(e).as("expected a validation failure for %s", body).isNotNull();
        return e.problems();
    }

    static String quoted(String text) {
        return "\"" + text + "\"";
    }

    @Test
    void aValidEvent_isRead() {
        EventRequest event = TRACK.read(json(body("\"c1\"", "\"Add To Cart\"", "1579547655000",
                "[{\"name\":\"Amount\",\"value\":732.23,\"type\":\"number\"}]")));

        assertThat(event.customerId()).isEqualTo("c1");
        assertThat(event.timeMillis()).isEqualTo(1579547655000L);
        assertThat(event.attributes()).singleElement().satisfies(attribute -> {
            assertThat(attribute.type()).isEqualTo(AttributeType.NUMBER);
            assertThat(attribute.value().decimalValue()).isEqualByComparingTo("732.23");
        });
    }

    @Test
    void aValueOfTheWrongType_inTheTypedForm_isNamedByItsAttribute_withPathAndContextUnchanged() {
        List<ValidationProblem> found = problems(TRACK, body("\"c\"", "\"e\"", "1",
                "[{\"name\":\"Price\",\"type\":\"number\",\"value\":2},"
                        + "{\"name\":\"Qty\",\"type\":\"number\",\"value\":\"two\"},"
                        + "{\"name\":\"Tags\",\"type\":\"string array\",\"value\":[\"a\",3]},"
                        + "{\"name\":\"Size\",\"type\":\"colour\",\"value\":1}]"));

        assertThat(found).extracting(ValidationProblem::message).containsExactlyInAnyOrder(
                "attributes[1].value (\"Qty\") must be a number (got a string)",
                "attributes[2].value[1] (\"Tags\") must be a string (got a number)",
                "attributes[3].type (\"Size\") must be one of " + AttributeType.wireNames());
        assertThat(found).filteredOn(problem -> problem.message().contains("Qty")).singleElement().satisfies(qty -> {
            assertThat(qty.path()).containsExactly("attributes", 1, "value");
            assertThat(qty.context()).containsEntry("label", "attributes[1].value").containsEntry("key", "value");
        });
    }

    @ParameterizedTest
    @CsvSource({"48, 0", "49, 0", "50, 1"})
    void eventNames_mayHaveUpTo49Characters(int length, int problems) {
        String body = body("\"c\"", quoted("e".repeat(length)), "1", "[]");
        if (problems == 0) {
            assertThat(TRACK.read(json(body)).name()).hasSize(length);
        } else {
            assertThat(problems(TRACK, body)).singleElement().satisfies(problem -> {
                assertThat(problem.type()).isEqualTo("string.max");
                assertThat(problem.path()).containsExactly("name");
            });
        }
    }

    @Test
    void namesAreCountedInCharactersNotUtf16Units() {
        assertThat(TRACK.read(json(body("\"c\"", quoted("🛒".repeat(49)), "1", "[]"))).name()).isNotEmpty();
        assertThat(problems(TRACK, body("\"c\"", quoted("🛒".repeat(50)), "1", "[]")).get(0).type()).isEqualTo("string.max");
    }

    @ParameterizedTest
    @CsvSource({"49, 0", "50, 1"})
    void attributeNames_mayHaveUpTo49Characters(int length, int problems) {
        String body = body("\"c\"", "\"e\"", "1", "[{\"name\":\"" + "a".repeat(length) + "\",\"type\":\"string\",\"value\":\"v\"}]");
        if (problems == 0) {
            assertThat(TRACK.read(json(body)).attributes()).hasSize(1);
        } else {
            assertThat(problems(TRACK, body)).singleElement()
                    .satisfies(problem -> assertThat(problem.path()).containsExactly("attributes", 0, "name"));
        }
    }

    @ParameterizedTest
    @CsvSource({"49, 0", "50, 0", "51, 1"})
    void events_mayHaveUpTo50Attributes(int count, int problems) {
        StringBuilder attributes = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            attributes.append(i == 0 ? "" : ",").append("\"a").append(i).append("\":").append(i);
        }
        String body = body("\"c\"", "\"e\"", "1", attributes.append("}").toString());
        if (problems == 0) {
            assertThat(TRACK.read(json(body)).attributes()).hasSize(count);
        } else {
            assertThat(problems(TRACK, body)).singleElement().satisfies(problem -> {
                assertThat(problem.type()).isEqualTo("array.max");
                assertThat(problem.context()).containsEntry("limit", 50);
            });
        }
    }

    @ParameterizedTest
    @CsvSource({"255, 0", "256, 0", "257, 1"})
    void customerIds_mayHaveUpTo256Characters(int length, int problems) {
        String body = body(quoted("c".repeat(length)), "\"e\"", "1", "[]");
        if (problems == 0) {
            assertThat(TRACK.read(json(body)).customerId()).hasSize(length);
        } else {
            assertThat(problems(TRACK, body)).singleElement()
                    .satisfies(problem -> assertThat(problem.path()).containsExactly("customerId"));
        }
    }

    @Test
    void missingRequiredFields_areEachListed() {
        assertThat(problems(TRACK, "{}")).extracting(ValidationProblem::path, ValidationProblem::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple(List.of("customerId"), "any.required"),
                org.assertj.core.groups.Tuple.tuple(List.of("name"), "any.required"),
                org.assertj.core.groups.Tuple.tuple(List.of("time"), "any.required"),
                org.assertj.core.groups.Tuple.tuple(List.of("attributes"), "any.required"));
    }

    @Test
    void nullRequiredFields_areRefused() {
        assertThat(problems(TRACK, "{\"customerId\":null,\"name\":null,\"time\":null,\"attributes\":null}"))
                .extracting(ValidationProblem::type)
                .containsExactly("string.base", "string.base", "number.base", "object.base");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\"   \"", "\"a\\u0000b\"", "\"tab\\there\"", "5", "true", "[\"c\"]", "{}"})
    void badCustomerIds_areRefused(String customerId) {
        assertThat(problems(TRACK, body(customerId, "\"e\"", "1", "[]"))).singleElement()
                .satisfies(problem -> assertThat(problem.path()).containsExactly("customerId"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"\"1579547655000\" | number.base", "-1 | number.min", "1.5 | number.integer",
            "253402300800000 | number.max", "true | number.base", "1e400 | number.max"})
    void badTimes_areRefused(String time, String type) {
        assertThat(problems(TRACK, body("\"c\"", "\"e\"", time, "[]"))).singleElement()
                .satisfies(problem -> assertThat(problem.type()).isEqualTo(type));
    }

    @Test
    void restApiEvents_needNoTimeAndNoAttributes() {
        EventRequest event = REST.read(json("{\"customerId\":\"c\",\"name\":\"e\"}"));

        assertThat(event.timeMillis()).isNull();
        assertThat(event.attributes()).isEmpty();
    }

    @Test
    void duplicateAttributeNames_areRefusedWithBothPositions() {
        List<ValidationProblem> problems = problems(TRACK, body("\"c\"", "\"e\"", "1",
                "[{\"name\":\"a\",\"type\":\"string\",\"value\":\"x\"},{\"name\":\"a\",\"type\":\"number\",\"value\":1}]"));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.type()).isEqualTo("array.unique");
            assertThat(problem.path()).containsExactly("attributes", 1, "name");
            assertThat(problem.message()).contains("attributes[0].name");
        });
    }

    @Test
    void unknownTypeNames_listTheValidOnes() {
        ValidationProblem problem = problems(TRACK, body("\"c\"", "\"e\"", "1",
                "[{\"name\":\"a\",\"type\":\"colour\",\"value\":\"red\"}]")).get(0);

        assertThat(problem.type()).isEqualTo("any.only");
        assertThat(problem.path()).containsExactly("attributes", 0, "type");
        assertThat(problem.context().get("valids")).isEqualTo(AttributeType.wireNames());
    }

    @Test
    void typedEntries_needNameTypeAndValue() {
        assertThat(problems(TRACK, body("\"c\"", "\"e\"", "1", "[{}, 5]")))
                .extracting(ValidationProblem::path).containsExactly(
                        List.of("attributes", 0, "name"), List.of("attributes", 0, "type"),
                        List.of("attributes", 0, "value"), List.of("attributes", 1));
    }

    @Test
    void flatAttributes_haveTheirTypesInferred() {
        EventRequest event = TRACK.read(json(body("\"c\"", "\"e\"", "1",
                "{\"s\":\"x\",\"n\":3,\"b\":true,\"sa\":[\"a\"],\"na\":[1],\"ba\":[false],\"o\":{\"k\":[1]},\"e\":[]}")));

        assertThat(event.attributes()).extracting(Attribute::type).containsExactly(AttributeType.STRING,
                AttributeType.NUMBER, AttributeType.BOOLEAN, AttributeType.STRING_ARRAY, AttributeType.NUMBER_ARRAY,
                AttributeType.BOOLEAN_ARRAY, AttributeType.CUSTOM, AttributeType.STRING_ARRAY);
        assertThat(event.attributes().get(7).anyArrayType()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"mixed\":[1,\"a\"]}", "{\"nested\":[[1]]}", "{\"objects\":[{}]}", "{\"nothing\":null}",
            "{\"nulls\":[null]}"})
    void flatValuesWithoutAnInferableType_areRefused(String attributes) {
        assertThat(problems(TRACK, body("\"c\"", "\"e\"", "1", attributes))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"text\"", "5", "null"})
    void aBodyThatIsNotAnObject_isRefused(String body) {
        assertThat(problems(TRACK, body)).singleElement().satisfies(problem -> {
            assertThat(problem.type()).isEqualTo("object.base");
            assertThat(problem.path()).isEmpty();
        });
    }

    @Test
    void everyProblemOfARequest_isListed() {
        List<ValidationProblem> problems = problems(TRACK, body("\"\"", quoted("n".repeat(60)), "\"now\"",
                "[{\"name\":\"a\",\"type\":\"number\",\"value\":\"x\"},{\"name\":\"b\",\"type\":\"date\",\"value\":\"2020-02-30\"}]"));

        assertThat(problems).extracting(ValidationProblem::type)
                .containsExactly("string.empty", "string.max", "number.base", "number.base", "date.invalid");
    }

    @Test
    void eventIds_areOptionalAndBounded() {
        assertThat(TRACK.read(json("{\"eventId\":\"" + "x".repeat(128) + "\",\"customerId\":\"c\",\"name\":\"e\",\"time\":1,\"attributes\":[]}"))
                .eventId()).hasSize(128);
        assertThat(problems(TRACK, "{\"eventId\":\"" + "x".repeat(129) + "\",\"customerId\":\"c\",\"name\":\"e\",\"time\":1,\"attributes\":[]}"))
                .singleElement().satisfies(problem -> assertThat(problem.path()).containsExactly("eventId"));
    }

    @Test
    void unknownTopLevelFields_areIgnored() {
        assertThat(TRACK.read(json("{\"customerId\":\"c\",\"name\":\"e\",\"time\":1,\"attributes\":[],\"extra\":{}}")))
                .isNotNull();
    }
}
