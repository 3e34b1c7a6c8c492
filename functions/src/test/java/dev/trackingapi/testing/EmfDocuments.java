package dev.trackingapi.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.trackingapi.api.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CloudWatch embedded metric format documents as the functions print them, each checked against the format: the JSON
 * schema written from the specification (src/test/resources/emf/emf-schema.json), and what a schema cannot say (every
 * metric a directive names is a root member holding a number or up to 100 numbers, every dimension a root member
 * holding an ASCII string of 1 to 1024 characters, one line of at most 256 KB).
 */
public final class EmfDocuments {
    private static final JsonSchema SCHEMA = loadSchema();
    private static final int MAX_EVENT_BYTES = 256 * 1024;

    private EmfDocuments() {
    }

    /** Runs the work with standard output captured and returns what it printed, every line an EMF document. */
    public static List<Document> printedBy(Runnable work) {
        PrintStream real = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setOut(real);
        }
        List<Document> documents = new ArrayList<>();
        for (String line : printed.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                documents.add(parse(line));
            }
        }
        return documents;
    }

    /**
     * @throws AssertionError naming every way the line breaks the format
     */
    public static Document parse(String line) {
        List<String> problems = problems(line);
        if (!problems.isEmpty()) {
            throw new AssertionError("not an EMF document: " + problems + "\n" + line);
        }
        return new Document(Json.parse(line));
    }

    /** Every way the line breaks the embedded metric format; empty when it is a valid document. */
    public static List<String> problems(String line) {
        List<String> problems = new ArrayList<>();
        if (line.contains("\n") || line.contains("\r")) {
            problems.add("a log event per line: the document must not span lines");
        }
        if (line.getBytes(StandardCharsets.UTF_8).length > MAX_EVENT_BYTES) {
            problems.add("larger than a log event (256 KB)");
        }
        JsonNode document;
        try {
            document = Json.MAPPER.readTree(line);
        } catch (IOException e) {
            problems.add("not one JSON value: " + e.getMessage());
            return problems;
        }
        Set<ValidationMessage> invalid = SCHEMA.validate(document);
        invalid.forEach(message -> problems.add(message.getMessage()));
        if (!invalid.isEmpty()) {
            return problems;
        }
        for (JsonNode directive : document.path("_aws").path("CloudWatchMetrics")) {
            for (JsonNode metric : directive.path("Metrics")) {
                String name = metric.path("Name").asText();
                JsonNode target = document.get(name);
                if (target == null) {
                    problems.add("metric " + name + " names no root member");
                } else if (!target.isNumber() && !(target.isArray() && target.size() <= 100
                        && allNumbers(target))) {
                    problems.add("metric " + name + " holds " + target + ", not a number or up to 100 numbers");
                }
            }
            for (JsonNode set : directive.path("Dimensions")) {
                for (JsonNode key : set) {
                    JsonNode target = document.get(key.asText());
                    if (target == null || !target.isTextual()) {
                        problems.add("dimension " + key.asText() + " names no root member holding a string");
                    } else if (!isDimensionValue(target.asText())) {
                        problems.add("dimension " + key.asText() + " = \"" + target.asText()
                                + "\": CloudWatch takes 1 to 1024 ASCII characters, not all blank");
                    }
                }
            }
        }
        return problems;
    }

    private static boolean allNumbers(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isNumber()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDimensionValue(String value) {
        return !value.isBlank() && value.length() <= 1024 && value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    private static JsonSchema loadSchema() {
        try (InputStream schema = EmfDocuments.class.getResourceAsStream("/emf/emf-schema.json")) {
            if (schema == null) {
                throw new IllegalStateException("src/test/resources/emf/emf-schema.json is missing");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One valid EMF document. */
    public record Document(JsonNode json) {
        /** The namespaces of its directives. */
        public Set<String> namespaces() {
            Set<String> namespaces = new java.util.TreeSet<>();
            json.path("_aws").path("CloudWatchMetrics").forEach(d -> namespaces.add(d.path("Namespace").asText()));
            return namespaces;
        }

        /** Every metric the document defines, with its value. */
        public Map<String, Long> values() {
            Map<String, Long> values = new LinkedHashMap<>();
            for (JsonNode directive : json.path("_aws").path("CloudWatchMetrics")) {
                for (JsonNode metric : directive.path("Metrics")) {
                    String name = metric.path("Name").asText();
                    values.put(name, json.path(name).asLong());
                }
            }
            return values;
        }

        /** The dimension sets of the directive that defines the metric, as lists of "Name=value". */
        public List<List<String>> dimensionSets(String metric) {
            List<List<String>> sets = new ArrayList<>();
            for (JsonNode directive : json.path("_aws").path("CloudWatchMetrics")) {
                boolean defines = false;
                for (JsonNode definition : directive.path("Metrics")) {
                    defines |= definition.path("Name").asText().equals(metric);
                }
                if (defines) {
                    for (JsonNode set : directive.path("Dimensions")) {
                        List<String> dimensions = new ArrayList<>();
                        set.forEach(key -> dimensions.add(key.asText() + "=" + json.path(key.asText()).asText()));
                        sets.add(dimensions);
                    }
                }
            }
            return sets;
        }

        /** Every unit the document gives its metrics. */
        public Set<String> units() {
            Set<String> units = new java.util.TreeSet<>();
            json.path("_aws").path("CloudWatchMetrics").forEach(directive -> directive.path("Metrics")
                    .forEach(metric -> units.add(metric.path("Unit").asText("None"))));
            return units;
        }

        public String member(String name) {
            return json.path(name).asText(null);
        }

        @Override
        public String toString() {
            return json.toString();
        }
    }
}
