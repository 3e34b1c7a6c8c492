package dev.trackingapi.metrics;

import dev.trackingapi.config.EnvironmentVariables;

import static dev.trackingapi.config.EnvironmentVariables.METRICS_NAMESPACE;
import static dev.trackingapi.config.EnvironmentVariables.METRICS_PER_PROJECT;

/**
 * Where the metrics go and how finely they are cut: the CloudWatch namespace (template parameter MetricsNamespace)
 * and whether each metric is also emitted per project (MetricsPerProject, off by default: every project then adds its
 * own custom metrics to the bill; README, "Operate").
 *
 * @param namespace  the CloudWatch namespace
 * @param perProject whether every metric also carries the dimension Project
 */
public record MetricsSettings(String namespace, boolean perProject) {
    /** The namespace when the template sets none (its parameter's default too). */
    public static final String DEFAULT_NAMESPACE = "TrackingApi";

    public MetricsSettings {
        if (namespace == null || namespace.isBlank() || namespace.length() > 255) {
            throw new IllegalArgumentException("a CloudWatch namespace has 1 to 255 characters: " + namespace);
        }
    }

    public static MetricsSettings from(EnvironmentVariables environment) {
        return new MetricsSettings(environment.optional(METRICS_NAMESPACE).orElse(DEFAULT_NAMESPACE),
                environment.optional(METRICS_PER_PROJECT).map(Boolean::parseBoolean).orElse(false));
    }
}
