package dev.trackingapi.benchmark;

import dev.trackingapi.metrics.Invocation;
import dev.trackingapi.metrics.InvocationMetrics;
import dev.trackingapi.metrics.Metric;
import dev.trackingapi.metrics.Metrics;
import dev.trackingapi.metrics.MetricsWriter;
import dev.trackingapi.model.IgnoredAttribute;
import software.amazon.cloudwatchlogs.emf.environment.EnvironmentProvider;
import software.amazon.cloudwatchlogs.emf.logger.MetricsLogger;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.Unit;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

import java.time.Instant;
import java.util.List;

/**
 * The ways of writing an invocation's metrics that {@link MetricsWritersBenchmark} compares, each installed in a
 * fresh JVM before the handler is built: none at all, the functions' own EMF lines, the AWS EMF library for Java, and
 * Powertools for AWS Lambda (Java) metrics. The libraries get the same metrics and dimensions as the functions'
 * lines, used as their documentation shows (one flush per invocation).
 */
enum EmfWriters {
    /** Nothing is written: what the handler costs without metrics. */
    NONE,
    /** The functions' own lines (EmfLines, Jackson's streaming layer): the default, nothing to install. */
    HAND_WRITTEN,
    /** software.amazon.cloudwatchlogs:aws-embedded-metrics, its Lambda environment (standard output). */
    EMF_LIBRARY,
    /** software.amazon.lambda:powertools-metrics (v2), which writes through the EMF library. */
    POWERTOOLS;

    /** What the child JVM's environment needs for the libraries to detect Lambda, as they would there. */
    static final String LAMBDA_FUNCTION_NAME = "AWS_LAMBDA_FUNCTION_NAME";

    /** Installs this way of writing metrics in this JVM. */
    void install() {
        switch (this) {
            case NONE -> Metrics.writeWith(invocation -> { });
            case HAND_WRITTEN -> { }
            case EMF_LIBRARY -> Metrics.writeWith(new EmfLibrary());
            case POWERTOOLS -> Metrics.writeWith(new Powertools());
            default -> throw new IllegalStateException(name());
        }
    }

    static EmfWriters named(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Metrics with the Route dimension alone. */
    private static final List<Metric> PLAIN = List.of(Metric.EVENTS_STORED, Metric.EVENTS_DUPLICATE,
            Metric.CUSTOMERS_UPDATED, Metric.TYPES_REGISTERED, Metric.KEYS_REFUSED);

    private static final class EmfLibrary implements MetricsWriter {
        private static final EnvironmentProvider ENVIRONMENTS = new EnvironmentProvider();

        @Override
        public void write(Invocation invocation) {
            InvocationMetrics metrics = invocation.metrics();
            MetricsLogger logger = logger(invocation, DimensionSet.of(Metric.Dimension.ROUTE, invocation.route()));
            for (Metric metric : PLAIN) {
                if (metrics.count(metric) > 0) {
                    logger.putMetric(metric.metricName(), metrics.count(metric), Unit.COUNT);
                }
            }
            logger.flush();
            if (metrics.count(Metric.REJECTED) > 0) {
                MetricsLogger rejected = logger(invocation, DimensionSet.of(Metric.Dimension.ROUTE, invocation.route(),
                        Metric.Dimension.STATUS, Integer.toString(metrics.rejectedStatus())));
                rejected.putMetric(Metric.REJECTED.metricName(), 1, Unit.COUNT);
                rejected.flush();
            }
            if (metrics.count(Metric.STORAGE_UNAVAILABLE) > 0) {
                MetricsLogger unavailable = logger(invocation,
                        DimensionSet.of(Metric.Dimension.ROUTE, invocation.route()), new DimensionSet());
                unavailable.putMetric(Metric.STORAGE_UNAVAILABLE.metricName(), 1, Unit.COUNT);
                unavailable.flush();
            }
            for (IgnoredAttribute.Reason reason : IgnoredAttribute.Reason.values()) {
                if (metrics.ignored(reason) > 0) {
                    MetricsLogger ignored = logger(invocation, DimensionSet.of(Metric.Dimension.ROUTE,
                            invocation.route(), Metric.Dimension.REASON, reason.code()));
                    ignored.putMetric(Metric.ATTRIBUTES_IGNORED.metricName(), metrics.ignored(reason), Unit.COUNT);
                    ignored.flush();
                }
            }
        }

        private static MetricsLogger logger(Invocation invocation, DimensionSet... dimensions) {
            MetricsLogger logger = new MetricsLogger(ENVIRONMENTS);
            logger.setNamespace(invocation.settings().namespace());
            logger.setDimensions(false, dimensions);
            logger.setTimestamp(Instant.ofEpochMilli(invocation.timestampMillis()));
            logger.putProperty("requestId", invocation.requestId());
            return logger;
        }
    }

    private static final class Powertools implements MetricsWriter {
        @Override
        public void write(Invocation invocation) {
            InvocationMetrics metrics = invocation.metrics();
            software.amazon.lambda.powertools.metrics.Metrics powertools = MetricsFactory.getMetricsInstance();
            String namespace = invocation.settings().namespace();
            powertools.setNamespace(namespace);
            powertools.setDefaultDimensions(software.amazon.lambda.powertools.metrics.model.DimensionSet.of(
                    Metric.Dimension.ROUTE, invocation.route()));
            powertools.setTimestamp(Instant.ofEpochMilli(invocation.timestampMillis()));
            powertools.addMetadata("requestId", invocation.requestId());
            for (Metric metric : PLAIN) {
                if (metrics.count(metric) > 0) {
                    powertools.addMetric(metric.metricName(), metrics.count(metric), MetricUnit.COUNT);
                }
            }
            powertools.flush();
            if (metrics.count(Metric.REJECTED) > 0) {
                powertools.flushSingleMetric(Metric.REJECTED.metricName(), 1, MetricUnit.COUNT, namespace,
                        software.amazon.lambda.powertools.metrics.model.DimensionSet.of(Metric.Dimension.ROUTE,
                                invocation.route(), Metric.Dimension.STATUS,
                                Integer.toString(metrics.rejectedStatus())));
            }
            if (metrics.count(Metric.STORAGE_UNAVAILABLE) > 0) {
                powertools.flushSingleMetric(Metric.STORAGE_UNAVAILABLE.metricName(), 1, MetricUnit.COUNT, namespace,
                        software.amazon.lambda.powertools.metrics.model.DimensionSet.of(Metric.Dimension.ROUTE,
                                invocation.route()));
            }
            for (IgnoredAttribute.Reason reason : IgnoredAttribute.Reason.values()) {
                if (metrics.ignored(reason) > 0) {
                    powertools.flushSingleMetric(Metric.ATTRIBUTES_IGNORED.metricName(), metrics.ignored(reason),
                            MetricUnit.COUNT, namespace, software.amazon.lambda.powertools.metrics.model.DimensionSet
                                    .of(Metric.Dimension.ROUTE, invocation.route(), Metric.Dimension.REASON,
                                            reason.code()));
                }
            }
        }
    }
}
