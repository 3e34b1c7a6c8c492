package dev.trackingapi.entrypoints;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.trackingapi.config.EnvironmentVariables;
import dev.trackingapi.config.TableNames;
import dev.trackingapi.config.Wiring;
import dev.trackingapi.store.dynamodb.DynamoDbClients;
import dev.trackingapi.testing.ApiGatewayEvents;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** SnapStart priming rehearses whole requests on a client that sends nothing and still answers like DynamoDB. */
class RehearsalTest {
    private static final EnvironmentVariables ENVIRONMENT = new EnvironmentVariables(Map.of(
            EnvironmentVariables.AWS_REGION, "eu-west-1")::get);
    private final DynamoDbClient rehearsal = DynamoDbClients.rehearsal(ENVIRONMENT);
    private final TableNames tables = TableNames.withPrefix("rehearsal-");

    @Test
    void everyEventSample_goesThroughTheWholeHandler() {
        TrackEventV2Handler handler = new TrackEventV2Handler(Wiring.eventTracker(rehearsal, tables), Clock.systemUTC());

        for (String body : PrimingSamples.EVENT_REQUESTS) {
            APIGatewayV2HTTPResponse response = handler.handleRequest(ApiGatewayEvents.post("/track/event/v2",
                    SnapStartPriming.PROJECT, body), null);
            assertThat(response.getStatusCode()).as(body).isIn(200, 400, 422);
        }
        assertThat(handler.handleRequest(ApiGatewayEvents.post("/track/event/v2", SnapStartPriming.PROJECT,
                PrimingSamples.EVENT), null).getBody()).isEqualTo("{\"success\":true}");
    }

    @Test
    void everyCustomerSample_goesThroughTheWholeHandler() {
        TrackUserHandler handler = new TrackUserHandler(Wiring.customerTracker(rehearsal, tables), Clock.systemUTC());

        for (String body : PrimingSamples.CUSTOMER_REQUESTS) {
            APIGatewayV2HTTPResponse response = handler.handleRequest(ApiGatewayEvents.post("/track/user",
                    SnapStartPriming.PROJECT, body), null);
            assertThat(response.getStatusCode()).as(body).isIn(200, 400, 422);
        }
        assertThat(handler.handleRequest(ApiGatewayEvents.post("/track/user", SnapStartPriming.PROJECT,
                PrimingSamples.CUSTOMER), null).getBody()).isEqualTo("{\"success\":true}");
    }

    @Test
    void theRehearsalRunsOnFreshEndpointsWithoutFailing() {
        int[] endpoints = {0};
        SnapStartPriming.rehearsal(client -> {
            endpoints[0]++;
            return new TrackEventV2Handler(Wiring.eventTracker(client, tables), Clock.systemUTC());
        }, ENVIRONMENT, PrimingSamples.EVENT_REQUESTS).run();

        assertThat(endpoints[0]).isEqualTo(SnapStartPriming.REHEARSED_REQUESTS
                / SnapStartPriming.REQUESTS_PER_FRESH_ENVIRONMENT);
    }
}
