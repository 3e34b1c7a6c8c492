package dev.trackingapi.metrics;

import dev.trackingapi.config.EnvironmentVariables;
import dev.trackingapi.log.Log;

/**
 * Where every invocation's metrics leave the function: one EMF line on standard output, which Lambda sends to
 * CloudWatch Logs, where CloudWatch extracts the metrics (no API call, no wait). Process-wide, as standard output is:
 * the settings come from the execution environment's variables (template.yaml sets them for every function).
 */
public final class Metrics {
    private static volatile MetricsWriter writer = EmfLines::print;

    private Metrics() {
    }

    private static final class Environment {
        static final MetricsSettings SETTINGS = MetricsSettings.from(EnvironmentVariables.system());
    }

    /** The settings of this execution environment. */
    public static MetricsSettings settings() {
        return Environment.SETTINGS;
    }

    /**
     * Writes the invocation's metrics, unless it counted nothing. Never throws: metrics must not fail a request that
     * succeeded.
     *
     * @param route     the API Gateway route key ("POST /track/event/v2")
     * @param projectId the project the key named, or null
     * @return whether anything was written
     */
    public static boolean emit(String route, String projectId, String requestId, long timestampMillis,
                               InvocationMetrics metrics) {
        if (metrics.isEmpty()) {
            return false;
        }
        MetricsSettings settings = settings();
        try {
            writer.write(new Invocation(settings, route, settings.perProject() ? projectId : null, requestId,
                    timestampMillis, metrics));
            return true;
        } catch (RuntimeException e) {
            Log.warn(null, "metrics not written: " + e);
            return false;
        }
    }

    /** Replaces how metrics are written (the benchmark's comparison of EMF libraries); returns the previous writer. */
    public static MetricsWriter writeWith(MetricsWriter replacement) {
        MetricsWriter previous = writer;
        writer = replacement;
        return previous;
    }
}
