package dev.trackingapi.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.trackingapi.model.IgnoredAttribute;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An invocation's metrics as CloudWatch embedded metric format (EMF) documents, one JSON object per line, written by
 * hand on Jackson's streaming layer: the AWS EMF library and Powertools metrics build an ObjectMapper, which costs a
 * cold start more than the whole line (measured: infrastructure/benchmark/CHANGELOG.md).
 *
 * <p>The format: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
 * (functions/src/test/resources/emf/emf-schema.json checks every line the tests see against it). One line holds
 * every metric of the invocation, each directive naming its own dimension sets; a second line is written only when
 * one invocation ignored values for two reasons, since a line has one value per dimension name.
 */
public final class EmfLines {
    private static final JsonFactory FACTORY = new JsonFactory();

    /** The metrics with the dimension Route alone (or Route and Project); the others have their own directive. */
    private static final List<Metric> PLAIN = List.of(Metric.EVENTS_STORED, Metric.EVENTS_DUPLICATE,
            Metric.CUSTOMERS_UPDATED, Metric.TYPES_REGISTERED, Metric.KEYS_REFUSED);
    private static final String UNKNOWN_ROUTE = "unknown";

    private EmfLines() {
    }

    /** Prints the invocation's lines to standard output (read afresh each time: the local API captures it). */
    public static void print(Invocation invocation) {
        for (String line : lines(invocation)) {
            System.out.println(line);
        }
    }

    /** The invocation's EMF documents, each a single line; none when it counted nothing. */
    public static List<String> lines(Invocation invocation) {
        InvocationMetrics metrics = invocation.metrics();
        if (metrics.isEmpty()) {
            return List.of();
        }
        List<IgnoredAttribute.Reason> reasons = new ArrayList<>(2);
        for (IgnoredAttribute.Reason reason : IgnoredAttribute.Reason.values()) {
            if (metrics.ignored(reason) > 0) {
                reasons.add(reason);
            }
        }
        List<String> lines = new ArrayList<>(1);
        lines.add(line(invocation, true, reasons.isEmpty() ? null : reasons.get(0)));
        for (int i = 1; i < reasons.size(); i++) {
            lines.add(line(invocation, false, reasons.get(i)));
        }
        return lines;
    }

    private static String line(Invocation invocation, boolean everything, IgnoredAttribute.Reason reason) {
        InvocationMetrics metrics = invocation.metrics();
        String namespace = invocation.settings().namespace();
        String project = invocation.projectId();
        StringWriter out = new StringWriter(512);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeObjectFieldStart("_aws");
            json.writeNumberField("Timestamp", invocation.timestampMillis());
            json.writeArrayFieldStart("CloudWatchMetrics");
            List<Metric> plain = new ArrayList<>(PLAIN.size());
            if (everything) {
                for (Metric metric : PLAIN) {
                    if (metrics.count(metric) > 0) {
                        plain.add(metric);
                    }
                }
                directive(json, namespace, project, plain, false);
                if (metrics.count(Metric.REJECTED) > 0) {
                    directive(json, namespace, project, List.of(Metric.REJECTED), false, Metric.Dimension.STATUS);
                }
                if (metrics.count(Metric.STORAGE_UNAVAILABLE) > 0) {
                    directive(json, namespace, project, List.of(Metric.STORAGE_UNAVAILABLE), true);
                }
            }
            if (reason != null) {
                directive(json, namespace, project, List.of(Metric.ATTRIBUTES_IGNORED), false,
                        Metric.Dimension.REASON);
            }
            json.writeEndArray();
            json.writeEndObject();

            String route = invocation.route();
            json.writeStringField(Metric.Dimension.ROUTE, route == null || route.isBlank() ? UNKNOWN_ROUTE : route);
            if (project != null) {
                json.writeStringField(Metric.Dimension.PROJECT, project);
            }
            if (everything && metrics.count(Metric.REJECTED) > 0) {
                json.writeStringField(Metric.Dimension.STATUS, Integer.toString(metrics.rejectedStatus()));
            }
            if (reason != null) {
                json.writeStringField(Metric.Dimension.REASON, reason.code());
            }
            if (invocation.requestId() != null) {
                json.writeStringField("requestId", invocation.requestId());
            }
            if (everything) {
                for (Metric metric : plain) {
                    json.writeNumberField(metric.metricName(), metrics.count(metric));
                }
                for (Metric metric : List.of(Metric.REJECTED, Metric.STORAGE_UNAVAILABLE)) {
                    if (metrics.count(metric) > 0) {
                        json.writeNumberField(metric.metricName(), metrics.count(metric));
                    }
                }
            }
            if (reason != null) {
                json.writeNumberField(Metric.ATTRIBUTES_IGNORED.metricName(), metrics.ignored(reason));
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    /**
     * One MetricDirective: the metrics, with the dimension Route plus {@code extra}, the same with Project when the
     * line names one, and with no dimension at all when {@code alsoWithoutDimensions} (what alarms over all routes
     * read).
     */
    private static void directive(JsonGenerator json, String namespace, String project, List<Metric> metrics,
                                  boolean alsoWithoutDimensions, String... extra) throws IOException {
        if (metrics.isEmpty()) {
            return;
        }
        json.writeStartObject();
        json.writeStringField("Namespace", namespace);
        json.writeArrayFieldStart("Dimensions");
        dimensionSet(json, extra, null);
        if (project != null) {
            dimensionSet(json, extra, Metric.Dimension.PROJECT);
        }
        if (alsoWithoutDimensions) {
            json.writeStartArray();
            json.writeEndArray();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("Metrics");
        for (Metric metric : metrics) {
            json.writeStartObject();
            json.writeStringField("Name", metric.metricName());
            json.writeStringField("Unit", Metric.UNIT);
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void dimensionSet(JsonGenerator json, String[] extra, String last) throws IOException {
        json.writeStartArray();
        json.writeString(Metric.Dimension.ROUTE);
        for (String dimension : extra) {
            json.writeString(dimension);
        }
        if (last != null) {
            json.writeString(last);
        }
        json.writeEndArray();
    }
}
