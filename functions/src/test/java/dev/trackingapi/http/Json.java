package dev.trackingapi.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.trackingapi.domain.Values;

/**
 * A JSON mapper configured like {@link JsonCodec} (exact decimals, duplicate keys and trailing content refused), for
 * tests. The functions themselves use {@link JsonCodec}: an ObjectMapper is too slow to build in a cold start.
 */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder(strictFactory())
            .nodeFactory(Values.NODES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    private static JsonFactory strictFactory() {
        return new JsonFactoryBuilder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }
}
