package dev.trackingapi.store.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.api.Json;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class AttributeValuesTest {

    @Test
    void everyStoredForm_readsBackAsTheJsonItWasStoredFrom_numbersExact() throws Exception {
        String json = "{\"s\":\"text\",\"n\":12345678901234567890123456789012345678,\"d\":0.000000000000000000001,"
                + "\"neg\":-5.50,\"t\":true,\"f\":false,\"z\":null,\"list\":[1,\"a\",[true],{}],"
                + "\"map\":{\"deep\":{\"deeper\":[null]}}}";
        JsonNode original = Json.MAPPER.readTree(json);

        JsonNode back = AttributeValues.json(AttributeValues.of(original));

        assertThat(back.path("n").decimalValue()).isEqualTo(new BigDecimal("12345678901234567890123456789012345678"));
        assertThat(back.path("d").decimalValue()).isEqualByComparingTo("1E-21");
        assertThat(back.path("neg").decimalValue()).isEqualByComparingTo("-5.5");
        assertThat(back.path("s").asText()).isEqualTo("text");
        assertThat(back.path("z").isNull()).isTrue();
        assertThat(back.path("list").toString()).isEqualTo("[1,\"a\",[true],{}]");
        assertThat(back.path("map").toString()).isEqualTo("{\"deep\":{\"deeper\":[null]}}");
        assertThat(back.path("n").isBigDecimal()).as("never a binary float").isTrue();
    }

    @Test
    void mapKeys_readBackSorted() {
        JsonNode back = AttributeValues.json(AttributeValue.fromM(java.util.Map.of("b", AttributeValue.fromN("1"),
                "a", AttributeValue.fromN("2"), "c", AttributeValue.fromS("x"))));

        assertThat(back.toString()).isEqualTo("{\"a\":2,\"b\":1,\"c\":\"x\"}");
    }

    @Test
    void formsValuesAreNeverStoredAs_stillReadAsJson() {
        assertThat(AttributeValues.json(AttributeValue.fromSs(java.util.List.of("a", "b"))).toString())
                .isEqualTo("[\"a\",\"b\"]");
        assertThat(AttributeValues.json(AttributeValue.fromNs(java.util.List.of("1.5"))).toString()).isEqualTo("[1.5]");
        assertThat(AttributeValues.json(AttributeValue.fromB(SdkBytes.fromByteArray(new byte[]{1, 2}))).asText())
                .isEqualTo("AQI=");
    }
}
