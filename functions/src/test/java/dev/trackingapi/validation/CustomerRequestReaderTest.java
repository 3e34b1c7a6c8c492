package dev.trackingapi.validation;

import dev.trackingapi.model.Attribute;
import dev.trackingapi.model.AttributeType;
import dev.trackingapi.model.CustomerRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.trackingapi.api.Json.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class CustomerRequestReaderTest {

    static List<ValidationProblem> problems(String body) {
        RequestValidationException e = catchThrowableOfType(RequestValidationException.class,
                () -> CustomerRequestReader.read(parse(body)));
        assertThat(e).as("expected a validation failure for %s", body).isNotNull();
        return e.problems();
    }

    @Test
    void reservedAttributes_areStringsApartFromCustomOnes() {
        CustomerRequest request = CustomerRequestReader.read(parse(
                "{\"id\":\"c1\",\"attributes\":{\"name\":\"John\",\"email\":\"\",\"mobile\":9876543210,\"plan\":\"pro\"}}"));

        assertThat(request.reserved()).containsEntry("name", "John").containsEntry("email", "")
                .containsEntry("mobile", "9876543210");
        assertThat(request.custom()).extracting(Attribute::name).containsExactly("plan");
    }

    @Test
    void reservedAttributesOfAnotherType_areRefused() {
        assertThat(problems("{\"id\":\"c1\",\"attributes\":{\"email\":true,\"name\":{\"first\":\"J\"}}}"))
                .extracting(ValidationProblem::path)
                .containsExactly(List.of("attributes", "email"), List.of("attributes", "name"));
        assertThat(problems("{\"id\":\"c1\",\"attributes\":[{\"name\":\"mobile\",\"type\":\"number\",\"value\":1}]}"))
                .singleElement().satisfies(problem -> assertThat(problem.path()).containsExactly("attributes", 0, "type"));
    }

    @Test
    void aReservedAttributeSentAsANumber_isKeptAsItsDigits_onlyWhenItIsANumberThatCanBeStored() {
        assertThat(CustomerRequestReader.read(parse("{\"id\":\"c1\",\"attributes\":{\"mobile\":1E+3}}")).reserved())
                .containsEntry("mobile", "1000");

        assertThat(problems("{\"id\":\"c1\",\"attributes\":{\"mobile\":1e999999999,\"name\":-1e-999999999}}"))
                .extracting(ValidationProblem::path, ValidationProblem::type)
                .containsExactly(tuple(List.of("attributes", "mobile"), "number.precision"),
                        tuple(List.of("attributes", "name"), "number.precision"));
    }

    @Test
    void aReservedAttributeDeclaredAsAString_mustBeOne() {
        assertThat(problems("{\"id\":\"c1\",\"attributes\":[{\"name\":\"mobile\",\"type\":\"string\",\"value\":9876543210}]}"))
                .extracting(ValidationProblem::path, ValidationProblem::type)
                .containsExactly(tuple(List.of("attributes", 0, "value"), "string.base"));
    }

    @Test
    void typedAttributes_areAcceptedToo() {
        CustomerRequest request = CustomerRequestReader.read(parse(
                "{\"id\":\"c1\",\"attributes\":[{\"name\":\"Signed Up\",\"type\":\"date\",\"value\":\"2021-03-04\"}]}"));

        assertThat(request.custom()).singleElement().satisfies(attribute -> {
            assertThat(attribute.type()).isEqualTo(AttributeType.DATE);
            assertThat(attribute.value().textValue()).isEqualTo("2021-03-04T00:00:00.000Z");
        });
    }

    @Test
    void moreAttributesThanTheProfileCap_areReadSoThatTheExcessCanBeReported() {
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            attributes.append(i == 0 ? "" : ",").append("\"a").append(i).append("\":1");
        }

        assertThat(CustomerRequestReader.read(parse("{\"id\":\"c\",\"attributes\":{" + attributes + "}}")).custom())
                .hasSize(200);
        assertThat(problems("{\"id\":\"c\",\"attributes\":{" + attributes + ",\"a200\":1}}"))
                .singleElement().satisfies(problem -> assertThat(problem.type()).isEqualTo("array.max"));
    }

    @Test
    void idIsRequired_attributesAreNot() {
        assertThat(problems("{\"attributes\":{}}")).singleElement()
                .satisfies(problem -> assertThat(problem.path()).containsExactly("id"));
        assertThat(CustomerRequestReader.read(parse("{\"id\":\"c\"}")).custom()).isEmpty();
    }

    @Test
    void theDocsStrayTopLevelName_isTolerated() {
        assertThat(CustomerRequestReader.read(parse("{\"id\":\"c\",\"name\":\"Purchased\",\"attributes\":[]}")).reserved())
                .isEmpty();
    }
}
