package dev.trackingapi.integration;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.trackingapi.template.TemplateHttpApi;
import dev.trackingapi.template.TemplateTables;
import dev.trackingapi.testing.ApiGatewayEvents;
import dev.trackingapi.testing.EmfDocuments;
import dev.trackingapi.testing.ReadApi;
import dev.trackingapi.testing.TestDynamoDb;
import dev.trackingapi.testing.TrackingApi;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of template.yaml, whichever issue added it, writes its metrics line through the shared base without
 * code of its own: a call the authorizer did not admit is counted as Rejected, Status 401, under the route's key.
 * And the batch route counts what its items wrote, as the single routes do.
 */
class EveryRouteMetricsIT {
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{(\\w+)\\+?}");

    private final TrackingApi api = new TrackingApi(TestDynamoDb.client(), TestDynamoDb.tables());
    private final ReadApi reads = new ReadApi(TestDynamoDb.client(), TestDynamoDb.tables());

    @TestFactory
    Stream<DynamicTest> everyRouteBehindTheAuthorizer_countsARefusalUnderItsRouteKey() {
        Optional<Path> template = TemplateTables.findTemplate();
        Assumptions.assumeTrue(template.isPresent(), "template.yaml not found (functions/ copied alone)");
        List<TemplateHttpApi.Route> routes = TemplateHttpApi.read(template.get()).routes().stream()
                .filter(route -> route.authorizer().isPresent()).toList();
        assertThat(routes).as("every route but the explorer's page").hasSizeGreaterThanOrEqualTo(20);
        return routes.stream().map(route -> DynamicTest.dynamicTest(route.routeKey(), () -> {
            Map<String, String> pathParameters = new HashMap<>();
            Matcher variable = PATH_VARIABLE.matcher(route.path());
            while (variable.find()) {
                pathParameters.put(variable.group(1), "metrics-1");
            }
            APIGatewayV2HTTPEvent event = ApiGatewayEvents.request(route.routeKey(), pathParameters, Map.of(), null,
                    null, route.method().equals("POST") ? "{}" : null, false, Instant.now());
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler =
                    route.method().equals("GET") && ReadApi.ROUTES.contains(route.path()) ? reads.handlerOf(event)
                            : api.handler(route.routeKey());
            assertThat(handler).as("a handler for " + route.routeKey()).isNotNull();
            int[] status = new int[1];

            List<EmfDocuments.Document> lines = EmfDocuments.printedBy(
                    () -> status[0] = handler.handleRequest(event, null).getStatusCode());

            assertThat(status[0]).isEqualTo(401);
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0).json().path("Route").asText()).isEqualTo(route.routeKey());
            assertThat(lines.get(0).json().path("Status").asText()).isEqualTo("401");
            assertThat(lines.get(0).values()).containsExactly(Map.entry("Rejected", 1L));
        }));
    }

    @Test
    void aBatch_countsTheEventsCustomersAndTypesItsItemsWrote_inOneLine() {
        String project = "metrics-" + UUID.randomUUID().toString().substring(0, 8);
        String batch = "{\"batch\":["
                + "{\"type\":\"event\",\"customerId\":\"c1\",\"name\":\"Paid\",\"time\":1,\"attributes\":{\"Amount\":1}},"
                + "{\"type\":\"event\",\"customerId\":\"c2\",\"name\":\"Paid\",\"time\":2,\"attributes\":{\"Amount\":2}},"
                + "{\"type\":\"customer\",\"id\":\"c1\",\"attributes\":{\"plan\":\"gold\"}},"
                + "{\"type\":\"event\",\"customerId\":\"c1\",\"name\":\"Paid\",\"time\":3,\"attributes\":{\"Amount\":\"x\"}},"
                + "{\"type\":\"customer\"}]}";
        TrackingApi.Response[] response = new TrackingApi.Response[1];

        List<EmfDocuments.Document> lines = EmfDocuments.printedBy(
                () -> response[0] = api.post(TrackingApi.TRACK_BATCH, project, batch));

        assertThat(response[0].json().get("stored").asInt()).as(response[0].body()).isEqualTo(4);
        assertThat(lines).hasSize(1).allSatisfy(line ->
                assertThat(line.json().path("Route").asText()).isEqualTo("POST /track/batch"));
        Map<String, Long> counted = new HashMap<>();
        lines.forEach(line -> line.values().forEach((name, value) -> counted.merge(name, value, Long::sum)));
        assertThat(counted).containsEntry("EventsStored", 3L).containsEntry("CustomersUpdated", 1L)
                .containsEntry("TypesRegistered", 2L).containsEntry("AttributesIgnored", 1L)
                .doesNotContainKey("Rejected");
    }
}
