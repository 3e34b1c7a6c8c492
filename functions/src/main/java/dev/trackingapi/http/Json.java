package dev.trackingapi.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.trackingapi.domain.Values;

/**
 * The one JSON mapper: numbers read as exact decimals (never through a double), duplicate keys and trailing content
 * refused rather than silently resolved. Only trees are read and written, so no reflection is involved.
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
