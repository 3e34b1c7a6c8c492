package dev.trackingapi.localapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trackingapi.metrics.Metric;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The functions' metrics, read from what they print, as in Lambda: while installed, standard output goes through
 * here; a line that is an EMF document (a JSON object with "_aws") is counted and kept off the console, every other
 * line passes through. {@link #summary()} is the one line the local API prints when it stops. One local API per JVM
 * counts them (a second one installed later counts what is printed while both run).
 */
final class MetricsCapture implements AutoCloseable {
    private static final String EMF_START = "{\"_aws\"";

    private final PrintStream previous;
    private final PrintStream capturing;
    private final ObjectMapper mapper;
    private final Map<String, Long> totals = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> byDimension = new LinkedHashMap<>();
    private long documents;
    private long unreadable;

    private MetricsCapture(PrintStream previous, ObjectMapper mapper) {
        this.previous = previous;
        this.mapper = mapper;
        for (Metric metric : Metric.values()) {
            totals.put(metric.metricName(), 0L);
        }
        this.capturing = new PrintStream(new Lines(), true, StandardCharsets.UTF_8);
    }

    /** Puts the capture in front of standard output. */
    static MetricsCapture install(ObjectMapper mapper) {
        MetricsCapture capture = new MetricsCapture(System.out, mapper);
        System.setOut(capture.capturing);
        return capture;
    }

    /** Gives standard output back, unless something else has taken it since. */
    @Override
    public void close() {
        capturing.flush();
        if (System.out == capturing) {
            System.setOut(previous);
        }
    }

    /** "EventsStored 3, ..., Rejected 2 (400 1, 422 1), ...": every metric, with its breakdown where it has one. */
    synchronized String summary() {
        StringBuilder summary = new StringBuilder();
        totals.forEach((name, total) -> {
            if (!summary.isEmpty()) {
                summary.append(", ");
            }
            summary.append(name).append(' ').append(total);
            Map<String, Long> parts = byDimension.get(name);
            if (parts != null && !parts.isEmpty()) {
                StringBuilder breakdown = new StringBuilder();
                parts.forEach((value, count) -> breakdown.append(breakdown.isEmpty() ? "" : ", ").append(value)
                        .append(' ').append(count));
                summary.append(" (").append(breakdown).append(')');
            }
        });
        return summary + " (from " + documents + " EMF lines" + (unreadable > 0 ? "; " + unreadable
                + " unreadable, printed as they were" : "") + ")";
    }

    synchronized long total(Metric metric) {
        return totals.get(metric.metricName());
    }

    /** Counts the line when it is an EMF document; returns whether it was. */
    private synchronized boolean count(String line) {
        if (!line.startsWith(EMF_START)) {
            return false;
        }
        JsonNode document;
        try {
            document = mapper.readTree(line);
        } catch (IOException e) {
            unreadable++;
            return false;
        }
        JsonNode directives = document.path("_aws").path("CloudWatchMetrics");
        if (!directives.isArray()) {
            unreadable++;
            return false;
        }
        documents++;
        Map<String, Long> values = new LinkedHashMap<>();
        for (JsonNode directive : directives) {
            for (JsonNode metric : directive.path("Metrics")) {
                String name = metric.path("Name").asText();
                values.put(name, document.path(name).asLong());
            }
        }
        values.forEach((name, value) -> {
            totals.merge(name, value, Long::sum);
            String dimension = name.equals(Metric.REJECTED.metricName()) ? Metric.Dimension.STATUS
                    : name.equals(Metric.ATTRIBUTES_IGNORED.metricName()) ? Metric.Dimension.REASON : null;
            if (dimension != null) {
                byDimension.computeIfAbsent(name, n -> new TreeMap<>())
                        .merge(document.path(dimension).asText("?"), value, Long::sum);
            }
        });
        return true;
    }

    /** Standard output, a line at a time. */
    private final class Lines extends OutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                if (!count(text)) {
                    previous.println(text);
                }
            } else {
                line.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }

        @Override
        public synchronized void flush() {
            previous.flush();
        }
    }
}
