package dev.trackingapi.metrics;

/**
 * Writes an invocation's metrics. The functions write EMF lines to standard output ({@link EmfLines}); the benchmark
 * plugs the AWS EMF libraries in here to compare what they cost (infrastructure/benchmark, CHANGELOG).
 */
@FunctionalInterface
public interface MetricsWriter {
    void write(Invocation invocation);
}
