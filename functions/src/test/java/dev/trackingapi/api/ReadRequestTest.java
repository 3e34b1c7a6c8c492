package dev.trackingapi.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.trackingapi.metrics.InvocationMetrics;
import dev.trackingapi.model.Scope;
import dev.trackingapi.testing.ApiGatewayEvents;
import dev.trackingapi.validation.Parameters;
import dev.trackingapi.validation.RequestValidationException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a GET's parameters are read: path parameters as API Gateway decoded them, the query string decoded once. */
class ReadRequestTest {

    private static Parameters parameters(Map<String, String> path, String rawQuery, Set<String> accepted) {
        APIGatewayV2HTTPEvent event = ApiGatewayEvents.get("/customers/{id}/events", path, rawQuery, "p",
                Set.of(Scope.READ));
        return ApiRequest.of(event, null, Clock.systemUTC(), new InvocationMetrics()).parameters(accepted);
    }

    @Test
    void aPathParameter_isUsedAsApiGatewayDecodedIt_neverDecodedAgain() {
        Parameters read = parameters(Map.of("id", "100%25 a+b"), "", Set.of("id"));

        assertThat(read.identifier("id", 256)).isEqualTo("100%25 a+b");
    }

    @Test
    void theQueryString_isFormDecodedOnce() {
        Parameters read = parameters(Map.of("id", "c"),
                "name=Add+To%2BCart&cursor=a%25b&from=%F0%9F%8E%89", Set.of("id", "name", "cursor", "from"));

        assertThat(read.text("name")).isEqualTo("Add To+Cart");
        assertThat(read.text("cursor")).isEqualTo("a%b");
        assertThat(read.text("from")).isEqualTo("🎉");
    }

    @Test
    void aParameterGivenTwice_orOneTheRouteDoesNotTake_isAProblem() {
        Parameters read = parameters(Map.of("id", "c"), "limit=1&limit=2&colour=red", Set.of("id", "limit"));

        assertThatThrownBy(read::throwIfAny).isInstanceOfSatisfying(RequestValidationException.class, e ->
                assertThat(e.problems()).extracting(problem -> problem.path() + " " + problem.type())
                        .containsExactly("[colour] object.unknown", "[limit] any.repeated"));
    }

    @Test
    void aQueryStringThatIsNotPercentEncodedUtf8_is400() {
        for (String broken : new String[]{"name=%", "name=%4", "name=%zz", "name=%C3%28"}) {
            assertThatThrownBy(() -> parameters(Map.of(), broken, Set.of("name"))).as(broken)
                    .isInstanceOfSatisfying(HttpProblem.class, problem -> assertThat(problem.status()).isEqualTo(400));
        }
    }

    @Test
    void withoutARawQueryString_theDecodedParametersAreUsed() {
        APIGatewayV2HTTPEvent event = ApiGatewayEvents.get("/customers", Map.of(), null, "p", Set.of(Scope.READ));
        event.setQueryStringParameters(Map.of("id", "a/b"));

        assertThat(ApiRequest.of(event, null, Clock.systemUTC(), new InvocationMetrics()).parameters(Set.of("id")).identifier("id", 256))
                .isEqualTo("a/b");
    }
}
