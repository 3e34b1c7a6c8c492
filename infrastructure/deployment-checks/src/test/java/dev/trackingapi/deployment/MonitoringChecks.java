package dev.trackingapi.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trackingapi.metrics.EmfLines;
import dev.trackingapi.metrics.Invocation;
import dev.trackingapi.metrics.InvocationMetrics;
import dev.trackingapi.metrics.Metric;
import dev.trackingapi.metrics.MetricsSettings;
import dev.trackingapi.model.IgnoredAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.trackingapi.deployment.SamTemplate.listOf;
import static dev.trackingapi.deployment.SamTemplate.map;

/**
 * What template.yaml's alarms and dashboard read, checked against what exists: every metric is one the functions emit
 * (with exactly the dimensions their EMF lines give it) or an AWS metric, with its documented dimensions, of a resource
 * of the stack; and every function, table and alarm is covered. Each check returns its problems, so that a test can
 * show it finds them in a broken copy of the template.
 */
final class MonitoringChecks {
    static final String ALARM = "AWS::CloudWatch::Alarm";
    static final String DASHBOARD = "AWS::CloudWatch::Dashboard";
    /** The parameter that names the functions' namespace (the variable METRICS_NAMESPACE is set from it). */
    static final String NAMESPACE_PARAMETER = "MetricsNamespace";

    /**
     * The AWS metrics the template may read, by namespace and name, with the dimension names each is read with. The
     * names and dimensions are the ones the services document: Lambda function metrics (FunctionName), DynamoDB table
     * metrics (TableName; SystemErrors per Operation), API Gateway HTTP API metrics per stage (ApiId, Stage).
     */
    private static final Map<String, Map<String, Set<String>>> AWS_METRICS = Map.of(
            "AWS/Lambda", Map.of(
                    "Invocations", Set.of("FunctionName"), "Errors", Set.of("FunctionName"),
                    "Throttles", Set.of("FunctionName"), "Duration", Set.of("FunctionName"),
                    "ConcurrentExecutions", Set.of("FunctionName")),
            "AWS/DynamoDB", Map.of(
                    "ConsumedWriteCapacityUnits", Set.of("TableName"), "ConsumedReadCapacityUnits", Set.of("TableName"),
                    "ReadThrottleEvents", Set.of("TableName"), "WriteThrottleEvents", Set.of("TableName"),
                    "SystemErrors", Set.of("TableName", "Operation"), "ThrottledRequests", Set.of("TableName", "Operation")),
            "AWS/ApiGateway", Map.of(
                    "Count", Set.of("ApiId", "Stage"), "4xx", Set.of("ApiId", "Stage"), "5xx", Set.of("ApiId", "Stage"),
                    "Latency", Set.of("ApiId", "Stage"), "IntegrationLatency", Set.of("ApiId", "Stage")));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SUB_REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9:]+)(\\.[A-Za-z]+)?}");
    private static final Pattern SEARCH = Pattern.compile(
            "SEARCH\\('\\{\"?([^\",}]+)\"?((?:,[A-Za-z]+)*)} MetricName=\"([A-Za-z0-9]+)\"((?: [A-Za-z]+=\"[^\"]*\")*)'");
    private static final Pattern FILTER = Pattern.compile(" ([A-Za-z]+)=\"([^\"]*)\"");

    private final SamTemplate template;

    MonitoringChecks(SamTemplate template) {
        this.template = template;
    }

    /** A metric as the template reads it: a dimension value is "ref:LogicalId", "param:Name" or a literal. */
    record MetricRead(String where, String namespace, String name, Map<String, String> dimensions) {
        @Override
        public String toString() {
            return where + ": " + namespace + " " + name + " " + dimensions;
        }
    }

    /**
     * Every custom metric the functions can emit, as "Name" + the sorted names of one of its dimension sets: what
     * EmfLines writes for invocations that count everything, with per-project metrics off and on.
     */
    static Set<String> emittedMetrics() {
        Set<String> emitted = new TreeSet<>();
        for (boolean perProject : new boolean[]{false, true}) {
            MetricsSettings settings = new MetricsSettings("N", perProject);
            InvocationMetrics everything = new InvocationMetrics();
            everything.eventWritten(true);
            everything.eventWritten(false);
            everything.customerUpdated();
            everything.typeRegistered();
            everything.keyRefused();
            everything.answered(422);
            everything.ignored(List.of(ignored(IgnoredAttribute.Reason.TYPE_MISMATCH),
                    ignored(IgnoredAttribute.Reason.ATTRIBUTE_LIMIT_EXCEEDED)));
            InvocationMetrics unavailable = new InvocationMetrics();
            unavailable.answered(503);
            for (InvocationMetrics metrics : List.of(everything, unavailable)) {
                for (String line : EmfLines.lines(new Invocation(settings, "POST /r", perProject ? "p" : null, "id", 0,
                        metrics))) {
                    JsonNode document = parse(line);
                    for (JsonNode directive : document.path("_aws").path("CloudWatchMetrics")) {
                        for (JsonNode metric : directive.path("Metrics")) {
                            for (JsonNode set : directive.path("Dimensions")) {
                                Set<String> names = new TreeSet<>();
                                set.forEach(name -> names.add(name.asText()));
                                emitted.add(key(metric.path("Name").asText(), names));
                            }
                        }
                    }
                }
            }
        }
        return emitted;
    }

    private static IgnoredAttribute ignored(IgnoredAttribute.Reason reason) {
        return new IgnoredAttribute("a", reason, null, dev.trackingapi.model.AttributeType.STRING, null,
                com.fasterxml.jackson.databind.node.TextNode.valueOf("v"));
    }

    static String key(String name, Set<String> dimensions) {
        return name + " " + new TreeSet<>(dimensions);
    }

    Map<String, Map<String, Object>> alarms() {
        Map<String, Map<String, Object>> alarms = new LinkedHashMap<>();
        template.resourcesOfType(ALARM).forEach((id, body) -> alarms.put(id, SamTemplate.properties(body)));
        return alarms;
    }

    /** The dashboard's body with ${X} references as "ref:X" (resources), "param:X" (parameters), "pseudo:X". */
    JsonNode dashboard() {
        Map<String, Map<String, Object>> dashboards = template.resourcesOfType(DASHBOARD);
        if (dashboards.size() != 1) {
            throw new AssertionError("template.yaml has " + dashboards.size() + " dashboards, not one");
        }
        Object body = SamTemplate.properties(dashboards.values().iterator().next()).get("DashboardBody");
        Object sub = map(body).get("Fn::Sub");
        if (!(sub instanceof String text)) {
            throw new AssertionError("the DashboardBody is expected as !Sub of a JSON text, got " + body);
        }
        Matcher reference = SUB_REFERENCE.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (reference.find()) {
            String name = reference.group(1);
            String marker = name.startsWith("AWS::") ? "pseudo:" + name
                    : template.parameters().containsKey(name) ? "param:" + name : "ref:" + name;
            reference.appendReplacement(resolved, Matcher.quoteReplacement(marker
                    + (reference.group(2) == null ? "" : reference.group(2))));
        }
        reference.appendTail(resolved);
        return parse(resolved.toString());
    }

    /** Every metric the alarms and the dashboard read (SEARCH expressions included). */
    List<MetricRead> metricsRead() {
        List<MetricRead> read = new ArrayList<>();
        alarms().forEach((id, alarm) -> {
            for (Object query : listOf(alarm.get("Metrics"))) {
                Map<String, Object> metric = map(map(map(query).get("MetricStat")).get("Metric"));
                if (!metric.isEmpty()) {
                    Map<String, String> dimensions = new TreeMap<>();
                    for (Object dimension : listOf(metric.get("Dimensions"))) {
                        dimensions.put(String.valueOf(map(dimension).get("Name")), value(map(dimension).get("Value")));
                    }
                    read.add(new MetricRead(id, value(metric.get("Namespace")), String.valueOf(metric.get("MetricName")),
                            dimensions));
                }
            }
            if (alarm.containsKey("MetricName")) {
                read.add(new MetricRead(id, value(alarm.get("Namespace")), String.valueOf(alarm.get("MetricName")),
                        Map.of()));
            }
        });
        for (JsonNode widget : dashboard().path("widgets")) {
            String where = "widget \"" + widget.path("properties").path("title").asText() + "\"";
            for (JsonNode metric : widget.path("properties").path("metrics")) {
                JsonNode expression = metric.path(0).path("expression");
                if (!expression.isMissingNode()) {
                    read.addAll(searches(where, expression.asText()));
                    continue;
                }
                Map<String, String> dimensions = new TreeMap<>();
                int end = metric.size() - (metric.get(metric.size() - 1).isObject() ? 1 : 0);
                for (int i = 2; i + 1 < end; i += 2) {
                    dimensions.put(metric.get(i).asText(), metric.get(i + 1).asText());
                }
                read.add(new MetricRead(where, metric.get(0).asText(), metric.get(1).asText(), dimensions));
            }
        }
        return read;
    }

    /** The metrics a SEARCH reads: its schema's dimensions, with a filter's value where it names one. */
    private static List<MetricRead> searches(String where, String expression) {
        List<MetricRead> read = new ArrayList<>();
        Matcher search = SEARCH.matcher(expression);
        boolean any = false;
        while (search.find()) {
            any = true;
            Map<String, String> dimensions = new TreeMap<>();
            for (String dimension : search.group(2).split(",")) {
                if (!dimension.isEmpty()) {
                    dimensions.put(dimension, "*");
                }
            }
            Matcher filter = FILTER.matcher(search.group(4));
            while (filter.find()) {
                dimensions.put(filter.group(1), filter.group(2));
            }
            read.add(new MetricRead(where, search.group(1), search.group(3), dimensions));
        }
        if (!any && expression.contains("SEARCH")) {
            read.add(new MetricRead(where, "unreadable SEARCH", expression, Map.of()));
        }
        return read;
    }

    /** Every metric read that is neither one the functions emit nor an AWS metric of this stack's resources. */
    List<String> metricProblems() {
        Set<String> emitted = emittedMetrics();
        Set<String> functions = template.resourcesOfType(SamTemplate.FUNCTION).keySet();
        Set<String> tables = template.tableIds();
        Set<String> apis = template.resourcesOfType(SamTemplate.HTTP_API).keySet();
        Map<String, Set<String>> operations = grantedOperationsByTable();
        Set<String> reasons = new TreeSet<>();
        for (IgnoredAttribute.Reason reason : IgnoredAttribute.Reason.values()) {
            reasons.add(reason.code());
        }
        List<String> problems = new ArrayList<>();
        for (MetricRead metric : metricsRead()) {
            Map<String, String> dimensions = metric.dimensions();
            if (metric.namespace().equals("param:" + NAMESPACE_PARAMETER)) {
                if (!emitted.contains(key(metric.name(), dimensions.keySet()))) {
                    problems.add(metric + ": the functions emit no such metric with these dimensions (they emit "
                            + emitted + ")");
                }
                dimensions.forEach((name, value) -> {
                    if (name.equals(Metric.Dimension.REASON) && !value.equals("*") && !reasons.contains(value)) {
                        problems.add(metric + ": " + value + " is not a reason the API reports " + reasons);
                    }
                    if (name.equals(Metric.Dimension.STATUS) && !value.equals("*") && !value.matches("4\\d\\d")) {
                        problems.add(metric + ": Rejected is counted for 4xx statuses only, not " + value);
                    }
                });
                continue;
            }
            Set<String> expected = AWS_METRICS.getOrDefault(metric.namespace(), Map.of()).get(metric.name());
            if (expected == null) {
                problems.add(metric + ": not a metric the functions emit (namespace !Ref " + NAMESPACE_PARAMETER
                        + ") nor one of the AWS metrics this check knows " + AWS_METRICS);
                continue;
            }
            if (!dimensions.keySet().equals(expected)) {
                problems.add(metric + ": read with dimensions " + dimensions.keySet() + ", published with " + expected);
                continue;
            }
            switch (metric.namespace()) {
                case "AWS/Lambda" -> requireRef(problems, metric, dimensions.get("FunctionName"), functions, "function");
                case "AWS/DynamoDB" -> {
                    String table = dimensions.get("TableName");
                    requireRef(problems, metric, table, tables, "table");
                    String operation = dimensions.get("Operation");
                    if (operation != null && table != null && table.startsWith("ref:")
                            && !operations.getOrDefault(table.substring(4), Set.of()).contains(operation)) {
                        problems.add(metric + ": no function may call " + operation + " on " + table.substring(4));
                    }
                }
                case "AWS/ApiGateway" -> {
                    requireRef(problems, metric, dimensions.get("ApiId"), apis, "HTTP API");
                    String stage = stageParameter();
                    if (!("param:" + stage).equals(dimensions.get("Stage"))) {
                        problems.add(metric + ": Stage is the HTTP API's StageName, !Ref " + stage);
                    }
                }
                default -> throw new IllegalStateException(metric.namespace());
            }
        }
        return problems;
    }

    private static void requireRef(List<String> problems, MetricRead metric, String value, Set<String> ids,
                                   String kind) {
        if (value == null || !value.startsWith("ref:") || !ids.contains(value.substring(4))) {
            problems.add(metric + ": " + value + " is not a " + kind + " of the stack (!Ref one of " + ids + ")");
        }
    }

    /** The parameter the HTTP API's StageName refers to (its value is the Stage dimension). */
    String stageParameter() {
        Map<String, Object> api = SamTemplate.properties(template.resource("TrackingApi"));
        return String.valueOf(map(api.get("StageName")).get("Ref"));
    }

    /**
     * The DynamoDB operations the functions may call on each table, as DynamoDB's metrics name them (their Operation
     * dimension). IAM has no action for TransactWriteItems: a transaction needs the item actions it holds, and only a
     * transaction needs dynamodb:ConditionCheckItem, which is no operation of its own in the metrics.
     */
    Map<String, Set<String>> grantedOperationsByTable() {
        Map<String, Set<String>> operations = new TreeMap<>();
        for (SamTemplate.Function function : template.functions()) {
            for (SamTemplate.Grant grant : function.grants().granted()) {
                operations.computeIfAbsent(grant.table(), t -> new TreeSet<>())
                        .add("ConditionCheckItem".equals(grant.operation()) ? "TransactWriteItems" : grant.operation());
            }
        }
        return operations;
    }

    /**
     * What is not watched: a function without an alarm on its errors and throttles or without its dashboard lines, a
     * table without its throttle and system-error alarms (on every operation the functions may call) or its lines,
     * an alarm missing from the dashboard's alarm widget, a custom metric on no widget.
     */
    List<String> coverageProblems() {
        List<String> problems = new ArrayList<>();
        List<MetricRead> read = metricsRead();
        Map<String, Map<String, Object>> alarms = alarms();
        for (SamTemplate.Function function : template.functions()) {
            String ref = "ref:" + function.logicalId();
            if (!alarmed(read, alarms, "AWS/Lambda", Set.of("Errors", "Throttles"), "FunctionName", ref)) {
                problems.add(function.logicalId() + " has no alarm on both its Errors and Throttles");
            }
            List<String> lines = List.of("ConcurrentExecutions", "Throttles", "Errors")
                    .stream().collect(Collectors.toCollection(ArrayList::new));
            if (!function.routes().isEmpty()) {
                lines.addAll(List.of("Invocations", "Duration"));
            }
            for (String name : lines) {
                if (read.stream().noneMatch(m -> m.where().startsWith("widget") && m.namespace().equals("AWS/Lambda")
                        && m.name().equals(name) && ref.equals(m.dimensions().get("FunctionName")))) {
                    problems.add(function.logicalId() + " has no " + name + " line on the dashboard");
                }
            }
        }
        Map<String, Set<String>> operations = grantedOperationsByTable();
        for (String table : template.tableIds()) {
            String ref = "ref:" + table;
            if (!alarmed(read, alarms, "AWS/DynamoDB", Set.of("ReadThrottleEvents", "WriteThrottleEvents"),
                    "TableName", ref)) {
                problems.add(table + " has no alarm on both its read and write throttle events");
            }
            for (String operation : operations.getOrDefault(table, Set.of())) {
                if (read.stream().noneMatch(m -> alarms.containsKey(m.where()) && m.name().equals("SystemErrors")
                        && ref.equals(m.dimensions().get("TableName"))
                        && operation.equals(m.dimensions().get("Operation")))) {
                    problems.add(table + " has no alarm on SystemErrors of " + operation
                            + ", which a function may call on it");
                }
            }
            for (String name : List.of("ConsumedWriteCapacityUnits", "ReadThrottleEvents", "WriteThrottleEvents")) {
                if (read.stream().noneMatch(m -> m.where().startsWith("widget") && m.name().equals(name)
                        && ref.equals(m.dimensions().get("TableName")))) {
                    problems.add(table + " has no " + name + " line on the dashboard");
                }
            }
        }
        Set<String> onAlarmWidget = new TreeSet<>();
        for (JsonNode widget : dashboard().path("widgets")) {
            widget.path("properties").path("alarms").forEach(arn -> onAlarmWidget.add(arn.asText()));
        }
        for (String alarm : alarms.keySet()) {
            if (!onAlarmWidget.contains("ref:" + alarm + ".Arn")) {
                problems.add(alarm + " is not on the dashboard's alarm widget");
            }
        }
        for (String arn : onAlarmWidget) {
            String id = arn.replaceFirst("^ref:", "").replaceFirst("\\.Arn$", "");
            if (!alarms.containsKey(id)) {
                problems.add(arn + " on the dashboard's alarm widget is no alarm of the template");
            }
        }
        for (Metric metric : Metric.values()) {
            if (read.stream().noneMatch(m -> m.where().startsWith("widget") && m.name().equals(metric.metricName())
                    && m.namespace().equals("param:" + NAMESPACE_PARAMETER))) {
                problems.add(metric.metricName() + " is emitted but on no dashboard widget");
            }
        }
        return problems;
    }

    /** Whether one alarm reads all these metrics of the resource. */
    private static boolean alarmed(List<MetricRead> read, Map<String, Map<String, Object>> alarms, String namespace,
                                   Set<String> names, String dimension, String ref) {
        return alarms.keySet().stream().anyMatch(alarm -> names.stream().allMatch(name -> read.stream().anyMatch(m ->
                m.where().equals(alarm) && m.namespace().equals(namespace) && m.name().equals(name)
                        && ref.equals(m.dimensions().get(dimension)))));
    }

    /** An intrinsic or literal as the metrics above spell it. */
    private String value(Object value) {
        if (value instanceof Map<?, ?> intrinsic && intrinsic.get("Ref") instanceof String ref) {
            return template.parameters().containsKey(ref) ? "param:" + ref : "ref:" + ref;
        }
        return String.valueOf(value);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }
}
