package dev.trackingapi.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** The one factory of JSON trees: numbers as exact decimals, never through a double. */
public final class JsonNodes {
    public static final JsonNodeFactory FACTORY = JsonNodeFactory.withExactBigDecimals(true);

    private JsonNodes() {
    }
}
