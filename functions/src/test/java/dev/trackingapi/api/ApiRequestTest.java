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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiRequestTest {

    private static ApiRequest request(Map<String, String> path, Map<String, String> query) {
        return ApiRequest.of(ApiGatewayEvents.request("GET /product/{id}", path, query, "shop", "read", null, false,
                Instant.now()), null, Clock.systemUTC(), new InvocationMetrics());
    }

    @Test
    void aPathParameter_isPercentDecodedExactlyOnce() {
        assertThat(ApiRequest.percentDecoded("plain-id_1.2~")).isEqualTo("plain-id_1.2~");
        assertThat(ApiRequest.percentDecoded("a%2Fb%20c")).isEqualTo("a/b c");
        assertThat(ApiRequest.percentDecoded("%2541")).as("once: %25 is '%', the 41 stays").isEqualTo("%41");
        assertThat(ApiRequest.percentDecoded("a+b")).as("'+' is not a space in a path").isEqualTo("a+b");
        assertThat(ApiRequest.percentDecoded("%C3%A9t%C3%A9%F0%9F%98%80")).isEqualTo("été😀");
        assertThat(ApiRequest.percentDecoded("été😀")).as("characters sent unencoded are taken as they are")
                .isEqualTo("été😀");
        assertThat(ApiRequest.percentDecoded("%e2%9c%93")).as("lower-case hex").isEqualTo("✓");
    }

    @Test
    void whatIsNotPercentEncodingOfUtf8_isRefused() {
        for (String bad : new String[]{"%", "a%2", "%zz", "%C3%28", "%FF", "%C3", "\uD800x"}) {
            assertThat(ApiRequest.percentDecoded(bad)).as(bad).isNull();
        }
        assertThatThrownBy(() -> request(Map.of("id", "50%off"), Map.of()).pathParameter("id"))
                .isInstanceOf(HttpProblem.class).hasMessageContaining("path parameter id")
                .hasMessageContaining("%25")
                .satisfies(e -> assertThat(((HttpProblem) e).status()).isEqualTo(400));
    }

    @Test
    void absentParameters_areNull_andQueryParametersAreTakenAsApiGatewayDecodedThem() {
        ApiRequest request = request(Map.of("id", "p%201"), Map.of("cursor", "a b+c"));

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
