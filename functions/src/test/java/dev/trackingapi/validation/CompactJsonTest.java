package dev.trackingapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.api.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** An item's size is the length in UTF-8 of its compact JSON text: computed from the tree, as Jackson writes it. */
class CompactJsonTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "{}", "[]", "{\"a\":1}", "{ \"a\" : [ 1 , 2.50 , -3e5 , 1E-7 , 0.0 ] }", "[true,false,null]",
            "{\"quote\\\"and\\\\backslash\":\"tab\\tnew\\nline\\r\\b\\f\"}",
            "{\"control\":\"\\u0001\\u001f\\u007f\"}", "{\"slash\":\"\\/\"}",
            "{\"é\":\"中文\",\"emoji\":\"😀👍🏽\",\"escaped\":\"\\u00e9\\ud83d\\ude00\"}",
            "{\"nested\":{\"deep\":[{\"x\":[[],{}]},\"\"]},\"big\":123456789012345678901234567890.000001}"})
    void theSize_isTheLengthOfTheCompactJsonText(String text) throws Exception {
        JsonNode node = Json.parse(text);

        assertThat(CompactJson.utf8Bytes(node))
                .isEqualTo(Json.MAPPER.writeValueAsString(node).getBytes(StandardCharsets.UTF_8).length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\":\"event\",\"a\":1}", "{\"a\":1,\"type\":\"event\"}", "{\"type\":\"x\"}",
            "{\"a\":[1,2],\"type\":{\"n\":true},\"b\":\"é\"}", "{\"a\":1}"})
    void theSizeWithoutAField_isTheSizeOfTheObjectWithoutIt(String text) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode node = (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(text);
        long without = CompactJson.utf8BytesWithout(node, "type");

        node.remove("type");
        assertThat(without).isEqualTo(Json.MAPPER.writeValueAsString(node).getBytes(StandardCharsets.UTF_8).length);
    }
}
