package dev.trackingapi.localapi;

import dev.trackingapi.template.TemplateHttpApi;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Routes are chosen as an HTTP API chooses them: on the decoded path, the most specific match first. */
class RouterTest {
    private static final List<TemplateHttpApi.Route> ROUTES = List.of(
            route("GET", "/customers/{id}", "Customer"),
            route("GET", "/customers", "Customer"),
            route("GET", "/customers/{id}/events", "Events"),
            route("GET", "/schema/events/{name+}", "EventSchema"),
            route("GET", "/explorer", "Explorer"),
            route("POST", "/track/user", "TrackUser"));
    private final Router router = new Router(ROUTES, TemplateHttpApi.DEFAULT_STAGE);

    private static TemplateHttpApi.Route route(String method, String path, String function) {
        return new TemplateHttpApi.Route(method, path, function, Optional.of("ApiKeyAuthorizer"));
    }

    private Optional<Router.Match> match(String method, String sentPath) {
        return router.match(method, IncomingRequest.pathDecoded(sentPath));
    }

    @Test
    void aPathParameter_isItsSegmentDecodedOnce() {
        assertThat(match("GET", "/customers/a%23b%20c%F0%9F%8E%89").orElseThrow().pathParameters())
                .isEqualTo(Map.of("id", "a#b c🎉"));
        assertThat(match("GET", "/customers/100%2525").orElseThrow().pathParameters()).isEqualTo(Map.of("id", "100%25"));
        assertThat(match("GET", "/customers/a+b").orElseThrow().pathParameters()).isEqualTo(Map.of("id", "a+b"));
    }

    @Test
    void anEncodedSlash_isASeparatorBeforeTheRouteIsChosen_asInApiGateway() {
        assertThat(match("GET", "/customers/a%2Fb")).isEmpty();
        assertThat(match("GET", "/customers/x%2Fevents").orElseThrow().route().path())
                .isEqualTo("/customers/{id}/events");
    }

    @Test
    void aGreedyVariable_takesTheRestOfTheDecodedPath() {
        assertThat(match("GET", "/schema/events/a%2Fb/c%20d").orElseThrow().pathParameters())
                .isEqualTo(Map.of("name", "a/b/c d"));
        assertThat(match("GET", "/schema/events/")).isEmpty();
    }

    @Test
    void theRoot_servesTheExplorer_andOnlyForGet() {
        assertThat(match("GET", "/").orElseThrow().route().path()).isEqualTo("/explorer");
        assertThat(match("POST", "/")).isEmpty();
    }

    @Test
    void aPathThatIsNotPercentEncodedUtf8_hasNoDecodedForm() {
        assertThat(IncomingRequest.pathDecoded("/customers/%zz")).isNull();
        assertThat(IncomingRequest.pathDecoded("/customers/%C3%28")).isNull();
        assertThat(IncomingRequest.pathDecoded("/customers/%")).isNull();
    }
}
