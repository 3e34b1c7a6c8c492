package dev.trackingapi.importer;

import dev.trackingapi.validation.Limits;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Which NDJSON lines can be items of a batch: the API's own JSON rules, so no line can spoil a whole batch. */
class InputsTest {

    private static Entry entry(String line) {
        return Inputs.entry(0, 7, line.getBytes(StandardCharsets.UTF_8));
    }

    private static String refusal(String line) {
        Entry entry = entry(line);
        assertThat(entry).as(line).isInstanceOf(Entry.Refused.class);
        return ((Entry.Refused) entry).reasons().get(0).get("message").asText();
    }

    @Test
    void anObjectOfAKnownType_isAnItem_asItWasWritten() {
        Entry event = entry("  {\"type\":\"event\",\"customerId\":\"c\",\"name\":\"e\",\"time\":1,\"attributes\":{}}  ");
        Entry customer = entry("{\"type\":\"customer\",\"id\":\"c9\",\"attributes\":{\"n\":1.50}}");

        assertThat(event).isEqualTo(new Entry.Item(0, 7, "{\"type\":\"event\",\"customerId\":\"c\",\"name\":\"e\","
                + "\"time\":1,\"attributes\":{}}", 69, null));
        assertThat(((Entry.Item) customer).customerOfCustomerItem()).isEqualTo("c9");
        assertThat(((Entry.Item) customer).json()).contains("1.50");
        assertThat(entry("   ")).as("a blank line is no entry").isNull();
    }

    @Test
    void aLineTheApiCouldNotReadInABatch_isRefusedOnItsOwn() {
        assertThat(refusal("{\"type\":\"event\"")).startsWith("the line is not one JSON value the API can read:");
        assertThat(refusal("{\"type\":\"event\",\"a\":1,\"a\":2}")).contains("Duplicate field 'a'");
        assertThat(refusal("{\"type\":\"event\"} {\"type\":\"event\"}")).startsWith("the line is not one JSON value");
        assertThat(refusal("{\"type\":\"event\",\"n\":1e9999999999}")).startsWith("the line is not one JSON value");
        assertThat(refusal("{\"type\":\"event\",\"x\":" + "[".repeat(999) + "]".repeat(999) + "}"))
                .as("two levels deeper in the batch, past the API's parser's limit").contains("nesting depth");
        assertThat(refusal("[{\"type\":\"event\"}]")).startsWith("value must be an item object");
        assertThat(refusal("{\"type\":\"Event\"}")).isEqualTo("type must be one of [event, customer]");
        assertThat(refusal("{\"customerId\":\"c\"}")).isEqualTo("type is required: one of [event, customer]");
        assertThat(refusal("{\"type\":\"event\",\"note\":\"" + "x".repeat(Limits.MAX_BATCH_BODY_BYTES) + "\"}"))
                .contains("no batch can carry it");
        Entry notUtf8 = Inputs.entry(0, 1, new byte[]{'{', (byte) 0xC3, 0x28, '}'});
        assertThat(((Entry.Refused) notUtf8).reasons().get(0).get("type").asText()).isEqualTo("line.utf8");
    }
}
