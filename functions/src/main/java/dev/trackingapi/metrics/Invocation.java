package dev.trackingapi.metrics;

/**
 * One invocation's metrics as they are written: what it counted, the route it served, its project (null when the
 * key named none, or per-project metrics are off) and its request id (kept in the line, for Logs Insights).
 */
public record Invocation(MetricsSettings settings, String route, String projectId, String requestId,
                         long timestampMillis, InvocationMetrics metrics) {
}
