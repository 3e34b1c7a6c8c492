package dev.trackingapi.api;

import dev.trackingapi.metrics.InvocationMetrics;
import dev.trackingapi.testing.ApiGatewayEvents;
import dev.trackingapi.testing.LambdaContexts;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApiRequestTest {

    private static ApiRequest request(Map<String, String> path, Map<String, String> query) {
        return ApiRequest.of(ApiGatewayEvents.request("GET /product/{id}", path, query, "shop", "read", null, false,
                Instant.now()), null, Clock.systemUTC(), new InvocationMetrics());
    }

    @Test
    void aPathParameter_isTakenAsApiGatewayPassedIt_decodedOnce_andNeverDecodedAgain() {
        assertThat(request(Map.of("id", "a/b c"), Map.of()).pathParameter("id")).isEqualTo("a/b c");
        assertThat(request(Map.of("id", "100%25"), Map.of()).pathParameter("id"))
                .as("a client's %2525 arrives as %25 and names the id \"100%25\"").isEqualTo("100%25");
        assertThat(request(Map.of("id", "été😀"), Map.of()).pathParameter("id")).isEqualTo("été😀");
    }

    @Test
    void absentParameters_areNull_andQueryParametersAreTakenAsApiGatewayDecodedThem() {
        ApiRequest request = request(Map.of("id", "p 1"), Map.of("cursor", "a b+c"));

        assertThat(request.pathParameter("id")).isEqualTo("p 1");
        assertThat(request.pathParameter("other")).isNull();
        assertThat(request.queryParameter("cursor")).isEqualTo("a b+c");
        assertThat(request.queryParameter("limit")).isNull();
        assertThat(request(Map.of(), Map.of()).pathParameter("id")).isNull();
    }

    @Test
    void theDeadline_leavesTheWorkReserveOfTheInvocationsRemainingTime() {
        ApiRequest noContext = request(Map.of(), Map.of());
        ApiRequest plenty = ApiRequest.of(ApiGatewayEvents.request("GET /product/{id}", Map.of(), Map.of(), "shop",
                null, null, false, Instant.now()), LambdaContexts.withRemaining(Duration.ofSeconds(10)),
                Clock.systemUTC(), new InvocationMetrics());
        ApiRequest almostOut = ApiRequest.of(ApiGatewayEvents.request("GET /product/{id}", Map.of(), Map.of(), "shop",
                null, null, false, Instant.now()), LambdaContexts.withRemaining(ApiRequest.WORK_RESERVE),
                Clock.systemUTC(), new InvocationMetrics());

        assertThat(noContext.deadline().passed()).isFalse();
        assertThat(plenty.deadline().passed()).isFalse();
        assertThat(almostOut.deadline().passed()).isTrue();
        assertThat(ApiRequest.WORK_RESERVE).as("more than one DynamoDB call's timeout (DynamoDbClients, 6 s)")
                .isGreaterThan(Duration.ofSeconds(6));
    }
}
