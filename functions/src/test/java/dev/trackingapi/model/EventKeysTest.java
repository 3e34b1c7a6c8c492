package dev.trackingapi.model;

import dev.trackingapi.validation.EventRequestReader;
import org.junit.jupiter.api.Test;

import static dev.trackingapi.api.Json.parse;
import static org.assertj.core.api.Assertions.assertThat;

class EventKeysTest {
    private static final EventRequestReader READER = EventRequestReader.trackEvent();

    private static String key(String body) {
        EventRequest event = READER.read(parse(body));
        return EventKeys.of("project", event, event.timeMillis());
    }

    @Test
    void theSameEventInAnyFormOrderOrNumberSpelling_hasOneKey() {
        String typed = key("{\"customerId\":\"c\",\"name\":\"e\",\"time\":1,\"attributes\":[{\"name\":\"a\",\"type\":\"number\",\"value\":1.50},{\"name\":\"b\",\"type\":\"custom\",\"value\":{\"x\":1,\"y\":2}}]}");
        String reordered = key("{\"time\":1,\"name\":\"e\",\"customerId\":\"c\",\"attributes\":[{\"name\":\"b\",\"type\":\"Custom\",\"value\":{\"y\":2,\"x\":1.0}},{\"name\":\"a\",\"type\":\"BIGINT\",\"value\":1.5}]}");
        String flat = key("{\"customerId\":\"c\",\"name\":\"e\",\"time\":1,\"attributes\":{\"a\":15E-1,\"b\":{\"x\":1,\"y\":2}}}");

        assertThat(reordered).isEqualTo(typed);
        assertThat(flat).isEqualTo(typed);
    }

    @Test
    void anyDifference_givesAnotherKey() {
        String base = key("{\"customerId\":\"c\",\"name\":\"e\",\"time\":1,\"attributes\":{\"a\":\"x\"}}");

        assertThat(key("{\"customerId\":\"c\",\"name\":\"e\",\"time\":2,\"attributes\":{\"a\":\"x\"}}")).isNotEqualTo(base);
        assertThat(key("{\"customerId\":\"d\",\"name\":\"e\",\"time\":1,\"attributes\":{\"a\":\"x\"}}")).isNotEqualTo(base);
        assertThat(key("{\"customerId\":\"c\",\"name\":\"f\",\"time\":1,\"attributes\":{\"a\":\"x\"}}")).isNotEqualTo(base);
        assertThat(key("{\"customerId\":\"c\",\"name\":\"e\",\"time\":1,\"attributes\":{\"a\":\"y\"}}")).isNotEqualTo(base);
        assertThat(key("{\"customerId\":\"c\",\"name\":\"e\",\"time\":1,\"attributes\":{\"a\":[\"x\"]}}")).isNotEqualTo(base);
        assertThat(key("{\"customerId\":\"c\",\"name\":\"e\",\"time\":1,\"attributes\":{\"ax\":\"\"}}"))
                .isNotEqualTo(key("{\"customerId\":\"c\",\"name\":\"e\",\"time\":1,\"attributes\":{\"a\":\"x\"}}"));
    }

    @Test
    void anEventId_isTheKeyWhateverTheContent() {
        assertThat(key("{\"eventId\":\"id-1\",\"customerId\":\"c\",\"name\":\"e\",\"time\":1,\"attributes\":{\"a\":1}}"))
                .isEqualTo(key("{\"eventId\":\"id-1\",\"customerId\":\"c\",\"name\":\"e\",\"time\":1,\"attributes\":{\"a\":2}}"))
                .isNotEqualTo(key("{\"eventId\":\"id-2\",\"customerId\":\"c\",\"name\":\"e\",\"time\":1,\"attributes\":{\"a\":1}}"));
    }

    @Test
    void keysAreShortAndKeySafe() {
        assertThat(key("{\"customerId\":\"c\",\"name\":\"e\",\"time\":1,\"attributes\":[]}")).matches("[A-Za-z0-9_-]{22}");
    }
}
