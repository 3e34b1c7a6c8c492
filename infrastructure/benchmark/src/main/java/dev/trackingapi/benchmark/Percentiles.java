package dev.trackingapi.benchmark;

import java.util.Arrays;

/** Percentiles of measured durations (nanoseconds in, milliseconds out). */
public record Percentiles(double p50Millis, double p99Millis, double medianMillis, int samples) {

    public static Percentiles of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Percentiles(at(sorted, 0.50), at(sorted, 0.99), at(sorted, 0.50), sorted.length);
    }

    private static double at(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
