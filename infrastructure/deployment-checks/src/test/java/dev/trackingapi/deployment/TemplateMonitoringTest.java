package dev.trackingapi.deployment;

import dev.trackingapi.config.EnvironmentVariables;
import dev.trackingapi.metrics.Metric;
import dev.trackingapi.template.CloudFormationYaml;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.trackingapi.deployment.SamTemplate.listOf;
import static dev.trackingapi.deployment.SamTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The template's alarms, dashboard and throttling against the stack and the code: every metric read exists with the
 * dimensions it is read with, every function, table and alarm is watched, every alarm says what to do first, and the
 * metrics' log lines reach CloudWatch.
 */
class TemplateMonitoringTest {
    private static final SamTemplate TEMPLATE = SamTemplate.read(Repository.template());
    private static final MonitoringChecks CHECKS = new MonitoringChecks(TEMPLATE);

    private static Map<String, Object> template() {
        return CloudFormationYaml.read(Repository.template());
    }

    @Test
    void everyMetricAnAlarmOrWidgetReads_isOneAFunctionEmits_orAnAwsMetricOfAResourceOfTheStack() {
        assertThat(CHECKS.metricsRead()).as("the checks must see what they exist for").hasSizeGreaterThan(60);
        assertThat(CHECKS.metricProblems()).isEmpty();
    }

    @Test
    void everyFunctionTableAndAlarm_isWatched_andEveryCustomMetricIsOnTheDashboard() {
        assertThat(CHECKS.coverageProblems()).isEmpty();
    }

    @Test
    void theMetricsTheFunctionsEmit_areTheDocumentedOnes() {
        assertThat(MonitoringChecks.emittedMetrics()).containsExactlyInAnyOrder(
                "AttributesIgnored [Reason, Route]", "AttributesIgnored [Project, Reason, Route]",
                "CustomersUpdated [Route]", "CustomersUpdated [Project, Route]",
                "EventsDuplicate [Route]", "EventsDuplicate [Project, Route]",
                "EventsStored [Route]", "EventsStored [Project, Route]",
                "KeysRefused [Route]", "KeysRefused [Project, Route]",
                "Rejected [Route, Status]", "Rejected [Project, Route, Status]",
                "StorageUnavailable [Route]", "StorageUnavailable [Project, Route]", "StorageUnavailable []",
                "TypesRegistered [Route]", "TypesRegistered [Project, Route]");
    }

    @Test
    void aFunctionWithoutAlarm_aWidgetOnAMetricNobodyEmits_andAWrongDimension_areFound() {
        Map<String, Object> broken = template();
        Map<String, Object> resources = map(broken.get("Resources"));
        resources.remove("TrackUserErrorsAlarm");
        Map<String, Object> dashboard = SamTemplate.properties(map(resources.get("Dashboard")));
        String body = (String) map(dashboard.get("DashboardBody")).get("Fn::Sub");
        dashboard.put("DashboardBody", Map.of("Fn::Sub", body
                .replace("\"Invocations\", \"FunctionName\", \"${TrackEventFunction}\"",
                        "\"Invocations\", \"FunctionName\", \"${EventsTable}\"")
                .replace("MetricName=\\\"KeysRefused\\\"", "MetricName=\\\"KeysAccepted\\\"")
                .replace("\"ConsumedWriteCapacityUnits\", \"TableName\", \"${EventsTable}\"",
                        "\"ConsumedWriteCapacityUnits\", \"Table\", \"${EventsTable}\"")));
        MonitoringChecks checks = new MonitoringChecks(SamTemplate.of(broken));

        assertThat(checks.coverageProblems()).contains(
                "TrackUserFunction has no alarm on both its Errors and Throttles",
                "ref:TrackUserErrorsAlarm.Arn on the dashboard's alarm widget is no alarm of the template",
                "TrackEventFunction has no Invocations line on the dashboard",
                "KeysRefused is emitted but on no dashboard widget",
                "EventsTable has no ConsumedWriteCapacityUnits line on the dashboard");
        assertThat(String.join("\n", checks.metricProblems()))
                .contains("ref:EventsTable is not a function of the stack")
                .contains("KeysAccepted {Route=*}: the functions emit no such metric")
                .contains("ConsumedWriteCapacityUnits {Table=ref:EventsTable}: read with dimensions [Table]");
    }

    @Test
    void aTableOperationWithoutASystemErrorsAlarm_isFound() {
        Map<String, Object> broken = template();
        Map<String, Object> alarm = SamTemplate.properties(map(map(broken.get("Resources"))
                .get("CustomersTableSystemErrorsAlarm")));
        List<Object> metrics = new ArrayList<>(listOf(alarm.get("Metrics")));
        metrics.removeIf(query -> listOf(map(map(map(query).get("MetricStat")).get("Metric")).get("Dimensions"))
                .contains(Map.of("Name", "Operation", "Value", "UpdateItem")));
        alarm.put("Metrics", metrics);

        assertThat(new MonitoringChecks(SamTemplate.of(broken)).coverageProblems())
                .containsExactly("CustomersTable has no alarm on SystemErrors of UpdateItem, which a function may call on it");
    }

    @Test
    void everyAlarm_notifiesTheTopic_onAlarmAndOnRecovery_andSaysWhatToDoFirst() {
        Map<String, Map<String, Object>> alarms = CHECKS.alarms();
        assertThat(alarms).hasSizeGreaterThanOrEqualTo(2 + TEMPLATE.functions().size() + 2 * TEMPLATE.tableIds().size());
        alarms.forEach((id, alarm) -> {
            assertThat(listOf(alarm.get("AlarmActions"))).as(id).containsExactly(Map.of("Ref", "AlarmTopic"));
            assertThat(listOf(alarm.get("OKActions"))).as(id).containsExactly(Map.of("Ref", "AlarmTopic"));
            assertThat(String.valueOf(alarm.get("AlarmDescription"))).as(id).contains("First: ");
            assertThat(alarm.get("TreatMissingData")).as(id).isEqualTo("notBreaching");
            long returned = listOf(alarm.get("Metrics")).stream().filter(q -> Boolean.TRUE.equals(map(q).get("ReturnData")))
                    .count();
            assertThat(returned).as(id + ": one expression is what the alarm watches").isEqualTo(1);
        });
        assertThat(TEMPLATE.resource("AlarmTopic")).containsEntry("Type", "AWS::SNS::Topic");
        Map<String, Object> subscription = TEMPLATE.resource("AlarmEmailSubscription");
        assertThat(subscription).containsEntry("Condition", "AlarmEmailGiven");
        assertThat(SamTemplate.properties(subscription)).containsEntry("Endpoint", Map.of("Ref", "AlarmEmail"))
                .containsEntry("Protocol", "email");
    }

    @Test
    void theApiAlarms_are5xxOtherThanTheFunctions503s_and503sAboveTheParameterisedShare() {
        Map<String, Object> api5xx = CHECKS.alarms().get("Api5xxAlarm");
        assertThat(returnedExpression(api5xx)).isEqualTo("FILL(served5xx, 0) - FILL(unavailable, 0)");
        Map<String, Object> share = CHECKS.alarms().get("StorageUnavailableAlarm");
        assertThat(returnedExpression(share)).isEqualTo("100 * FILL(unavailable, 0) / requests");
        assertThat(share.get("Threshold")).isEqualTo(Map.of("Ref", "StorageUnavailableAlarmPercent"));
        assertThat(CHECKS.metricsRead()).filteredOn(m -> m.where().equals("StorageUnavailableAlarm"))
                .extracting(m -> m.name() + " " + m.dimensions().keySet())
                .containsExactlyInAnyOrder("StorageUnavailable []", "Count [ApiId, Stage]");
    }

    private static String returnedExpression(Map<String, Object> alarm) {
        return listOf(alarm.get("Metrics")).stream().map(SamTemplate::map)
                .filter(query -> Boolean.TRUE.equals(query.get("ReturnData")))
                .map(query -> String.valueOf(query.get("Expression"))).findFirst().orElseThrow();
    }

    @Test
    void theStage_throttlesEveryRoute_fromTheParameters_andARouteOverridesItOnItsEvent() {
        Map<String, Object> api = SamTemplate.properties(TEMPLATE.resource("TrackingApi"));
        assertThat(map(api.get("DefaultRouteSettings")))
                .containsEntry("ThrottlingRateLimit", Map.of("Ref", "ThrottlingRateLimit"))
                .containsEntry("ThrottlingBurstLimit", Map.of("Ref", "ThrottlingBurstLimit"));
        for (SamTemplate.Function function : TEMPLATE.functions()) {
            for (Object event : map(function.properties().get("Events")).values()) {
                Map<String, Object> settings = map(map(map(event).get("Properties")).get("RouteSettings"));
                assertThat(settings.keySet()).as(function.logicalId() + "'s override")
                        .isSubsetOf("ThrottlingRateLimit", "ThrottlingBurstLimit", "DetailedMetricsEnabled");
            }
        }
        assertThat(map(TEMPLATE.parameters().get("ThrottlingRateLimit"))).containsEntry("Type", "Number");
        assertThat(map(TEMPLATE.parameters().get("ThrottlingBurstLimit"))).containsEntry("Type", "Number");
    }

    @Test
    void theMetricsLines_reachCloudWatch_inTheNamespaceOfTheParameter() {
        Map<String, Object> logging = map(TEMPLATE.functionGlobals().get("LoggingConfig"));
        assertThat(logging.get("ApplicationLogLevel"))
                .as("EMF lines carry no level, Lambda reads them as INFO and drops them below it")
                .isIn("TRACE", "DEBUG", "INFO");
        Map<String, Object> variables = map(map(TEMPLATE.functionGlobals().get("Environment")).get("Variables"));
        assertThat(variables).containsEntry(EnvironmentVariables.METRICS_NAMESPACE,
                Map.of("Ref", MonitoringChecks.NAMESPACE_PARAMETER));
        assertThat(variables).containsEntry(EnvironmentVariables.METRICS_PER_PROJECT, Map.of("Ref", "MetricsPerProject"));
        assertThat(map(TEMPLATE.parameters().get("MetricsPerProject"))).containsEntry("Default", "false");
        assertThat(Metric.values()).hasSize(8);
    }
}
