package dev.trackingapi.benchmark;

import dev.trackingapi.baseline.ColdStartChild;

import java.util.Arrays;

/**
 * A cold start ({@link ColdStartChild}) with one of the {@link EmfWriters} installed first.
 * Arguments: the writer ("emf-library"), then ColdStartChild's own.
 */
public final class MetricsWriterChild {
    private MetricsWriterChild() {
    }

    public static void main(String[] args) throws Exception {
        EmfWriters.named(args[0]).install();
        ColdStartChild.main(Arrays.copyOfRange(args, 1, args.length));
    }
}
