package dev.trackingapi.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.trackingapi.model.JsonNodes;

import java.io.IOException;

/**
 * A JSON mapper configured like {@link JsonCodec} (exact decimals, duplicate keys and trailing content refused), for
 * tests. The functions themselves use {@link JsonCodec}: an ObjectMapper is too slow to build in a cold start.
 */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder(strictFactory())
            .nodeFactory(JsonNodes.FACTORY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    /** Reads a JSON text that a test wrote, so it must be valid. */
    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static JsonFactory strictFactory() {
        return new JsonFactoryBuilder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }
}
