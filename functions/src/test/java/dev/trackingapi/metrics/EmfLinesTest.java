package dev.trackingapi.metrics;

import com.fasterxml.jackson.databind.node.IntNode;
import dev.trackingapi.model.Attribute;
import dev.trackingapi.model.AttributeType;
import dev.trackingapi.model.IgnoredAttribute;
import dev.trackingapi.testing.EmfDocuments;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The EMF lines themselves: one valid document per invocation, each metric with exactly the dimensions documented. */
class EmfLinesTest {
    private static final MetricsSettings SETTINGS = new MetricsSettings("TrackingApi/test", false);
    private static final MetricsSettings PER_PROJECT = new MetricsSettings("TrackingApi/test", true);
    private static final String ROUTE = "POST /track/event/v2";
    private static final Attribute AMOUNT = new Attribute("Amount", AttributeType.STRING, IntNode.valueOf(1));

    private static List<EmfDocuments.Document> lines(MetricsSettings settings, String project,
                                                     InvocationMetrics metrics) {
        return EmfLines.lines(new Invocation(settings, ROUTE, project, "req-1", 1_765_000_000_000L, metrics))
                .stream().map(EmfDocuments::parse).toList();
    }

    @Test
    void aStoredEvent_isOneLine_countedPerRoute() {
        InvocationMetrics metrics = new InvocationMetrics();
        metrics.eventWritten(true);
        metrics.typeRegistered();
        metrics.typeRegistered();

        List<EmfDocuments.Document> lines = lines(SETTINGS, null, metrics);

        assertThat(lines).hasSize(1);
        EmfDocuments.Document line = lines.get(0);
        assertThat(line.values()).containsExactlyInAnyOrderEntriesOf(Map.of("EventsStored", 1L, "TypesRegistered", 2L));
        assertThat(line.dimensionSets("EventsStored")).containsExactly(List.of("Route=" + ROUTE));
        assertThat(line.namespaces()).containsExactly("TrackingApi/test");
        assertThat(line.units()).containsExactly("Count");
        assertThat(line.member("requestId")).isEqualTo("req-1");
        assertThat(line.json().at("/_aws/Timestamp").asLong()).isEqualTo(1_765_000_000_000L);
    }

    @Test
    void aDuplicate_isCountedApart() {
        InvocationMetrics metrics = new InvocationMetrics();
        metrics.eventWritten(false);

        assertThat(lines(SETTINGS, null, metrics).get(0).values()).containsExactly(Map.entry("EventsDuplicate", 1L));
    }

    @Test
    void aRejection_carriesItsStatus() {
        for (int status : new int[]{400, 401, 403, 404, 413, 422}) {
            InvocationMetrics metrics = new InvocationMetrics();
            metrics.answered(status);

            EmfDocuments.Document line = lines(SETTINGS, null, metrics).get(0);

            assertThat(line.values()).as("%d", status).containsExactly(Map.entry("Rejected", 1L));
            assertThat(line.dimensionSets("Rejected")).containsExactly(List.of("Route=" + ROUTE, "Status=" + status));
        }
    }

    @Test
    void storageUnavailable_isAlsoCountedWithoutDimensions_forTheAlarmOverAllRoutes() {
        InvocationMetrics metrics = new InvocationMetrics();
        metrics.answered(503);

        EmfDocuments.Document line = lines(SETTINGS, null, metrics).get(0);

        assertThat(line.values()).containsExactly(Map.entry("StorageUnavailable", 1L));
        assertThat(line.dimensionSets("StorageUnavailable")).containsExactly(List.of("Route=" + ROUTE), List.of());
    }

    @Test
    void ignoredValues_carryTheApisReasonCode() {
        InvocationMetrics metrics = new InvocationMetrics();
        metrics.eventWritten(true);
        metrics.ignored(List.of(IgnoredAttribute.typeMismatch(AMOUNT, AttributeType.NUMBER),
                IgnoredAttribute.typeMismatch(AMOUNT, AttributeType.NUMBER)));

        EmfDocuments.Document line = lines(SETTINGS, null, metrics).get(0);

        assertThat(line.values()).containsEntry("AttributesIgnored", 2L).containsEntry("EventsStored", 1L);
        assertThat(line.dimensionSets("AttributesIgnored"))
                .containsExactly(List.of("Route=" + ROUTE, "Reason=type_mismatch"));
        assertThat(line.dimensionSets("EventsStored")).containsExactly(List.of("Route=" + ROUTE));
    }

    @Test
    void valuesIgnoredForTwoReasons_takeASecondLine_asALineHasOneValuePerDimension() {
        InvocationMetrics metrics = new InvocationMetrics();
        metrics.customerUpdated();
        metrics.ignored(List.of(IgnoredAttribute.typeMismatch(AMOUNT, AttributeType.NUMBER),
                IgnoredAttribute.limitExceeded(AMOUNT, 50), IgnoredAttribute.limitExceeded(AMOUNT, 50)));

        List<EmfDocuments.Document> lines = lines(SETTINGS, null, metrics);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).values()).containsExactlyInAnyOrderEntriesOf(
                Map.of("CustomersUpdated", 1L, "AttributesIgnored", 1L));
        assertThat(lines.get(0).member("Reason")).isEqualTo("type_mismatch");
        assertThat(lines.get(1).values()).containsExactly(Map.entry("AttributesIgnored", 2L));
        assertThat(lines.get(1).member("Reason")).isEqualTo("attribute_limit_exceeded");
    }

    @Test
    void perProject_addsASetWithTheProject_toEveryMetric() {
        InvocationMetrics metrics = new InvocationMetrics();
        metrics.eventWritten(true);
        metrics.answered(503);

        EmfDocuments.Document line = lines(PER_PROJECT, "acme", metrics).get(0);

        assertThat(line.dimensionSets("EventsStored"))
                .containsExactly(List.of("Route=" + ROUTE), List.of("Route=" + ROUTE, "Project=acme"));
        assertThat(line.dimensionSets("StorageUnavailable")).containsExactly(List.of("Route=" + ROUTE),
                List.of("Route=" + ROUTE, "Project=acme"), List.of());
    }

    @Test
    void withoutAProject_perProjectAddsNothing() {
        InvocationMetrics metrics = new InvocationMetrics();
        metrics.answered(401);

        assertThat(lines(PER_PROJECT, null, metrics).get(0).dimensionSets("Rejected"))
                .containsExactly(List.of("Route=" + ROUTE, "Status=401"));
    }

    @Test
    void aKeyRefused_isCounted() {
        InvocationMetrics metrics = new InvocationMetrics();
        metrics.keyRefused();

        assertThat(lines(SETTINGS, null, metrics).get(0).values()).containsExactly(Map.entry("KeysRefused", 1L));
    }

    @Test
    void anInvocationThatCountedNothing_writesNoLine() {
        InvocationMetrics metrics = new InvocationMetrics();
        metrics.answered(200);

        assertThat(EmfLines.lines(new Invocation(SETTINGS, ROUTE, null, "r", 0, metrics))).isEmpty();
        assertThat(Metrics.emit(ROUTE, null, "r", 0, metrics)).isFalse();
    }

    @Test
    void anUnknownRoute_isStillAValidDimension() {
        InvocationMetrics metrics = new InvocationMetrics();
        metrics.answered(400);

        EmfDocuments.Document line = EmfDocuments.parse(
                EmfLines.lines(new Invocation(SETTINGS, null, null, null, 0, metrics)).get(0));

        assertThat(line.member("Route")).isEqualTo("unknown");
    }

    @Test
    void theValidator_refusesWhatTheFormatForbids() {
        String valid = "{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[{\"Namespace\":\"N\",\"Dimensions\":[[\"Route\"]],"
                + "\"Metrics\":[{\"Name\":\"M\",\"Unit\":\"Count\"}]}]},\"Route\":\"r\",\"M\":1}";
        assertThat(EmfDocuments.problems(valid)).isEmpty();

        assertThat(EmfDocuments.problems(valid.replace("\"M\":1}", "\"X\":1}"))).as("metric without its member")
                .anyMatch(problem -> problem.contains("metric M names no root member"));
        assertThat(EmfDocuments.problems(valid.replace("\"Route\":\"r\"", "\"Route\":3"))).as("numeric dimension")
                .anyMatch(problem -> problem.contains("dimension Route"));
        assertThat(EmfDocuments.problems(valid.replace("\"Route\":\"r\"", "\"Route\":\"café\""))).as("non-ASCII")
                .anyMatch(problem -> problem.contains("ASCII"));
        assertThat(EmfDocuments.problems(valid.replace("\"Timestamp\":1,", ""))).as("no timestamp").isNotEmpty();
        assertThat(EmfDocuments.problems(valid.replace("\"Count\"", "\"Counts\""))).as("unknown unit").isNotEmpty();
        assertThat(EmfDocuments.problems(valid.replace("\"Unit\"", "\"Units\""))).as("extra member").isNotEmpty();
        assertThat(EmfDocuments.problems(valid.replace("\"Namespace\":\"N\",", ""))).as("no namespace").isNotEmpty();
        assertThat(EmfDocuments.problems(valid.replace("\"M\":1", "\"M\":\"1\""))).as("string value").isNotEmpty();
        assertThat(EmfDocuments.problems(valid + "\n" + valid)).as("two lines").isNotEmpty();
        assertThatThrownBy(() -> EmfDocuments.parse("INFO not json")).isInstanceOf(AssertionError.class);
    }
}
