package dev.trackingapi.localapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trackingapi.template.TemplateHttpApi;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Lambda REQUEST authorizer as an HTTP API runs it (payload 2.0, simple responses): a request missing an identity
 * value is refused without calling the function; otherwise the answer for those identity values comes from the cache
 * (kept for ReauthorizeEvery seconds, allow and deny alike) or from the function.
 */
final class LocalAuthorizer {
    /** The authorizer's answer: authorized or not, and the context handed to the route as authorizer.lambda. */
    record Decision(boolean authorized, Map<String, Object> context) {
    }

    private record Cached(Decision decision, long expiresAtMillis) {
    }

    private static final int MAX_CACHED = 10_000;

    private final TemplateHttpApi.LambdaAuthorizer definition;
    private final LocalFunction function;
    private final long ttlMillis;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final ConcurrentHashMap<List<String>, Cached> cache = new ConcurrentHashMap<>();

    LocalAuthorizer(TemplateHttpApi.LambdaAuthorizer definition, LocalFunction function, int ttlSeconds, Clock clock,
                    ObjectMapper mapper) {
        if (!"2.0".equals(definition.payloadFormatVersion()) || !definition.simpleResponses()) {
            throw new LocalApiException("template.yaml: authorizer " + definition.name() + " must use payload format"
                    + " 2.0 with simple responses to be served locally");
        }
        if (definition.identitySource().isEmpty()) {
            throw new LocalApiException("template.yaml: authorizer " + definition.name() + " declares no identity"
                    + " header or query string");
        }
        this.definition = definition;
        this.function = function;
        this.ttlMillis = ttlSeconds * 1000L;
        this.clock = clock;
        this.mapper = mapper;
    }

    TemplateHttpApi.LambdaAuthorizer definition() {
        return definition;
    }

    int ttlSeconds() {
        return (int) (ttlMillis / 1000);
    }

    /** The identity values in declaration order, or empty when one is missing or empty (then: 401, no call). */
    Optional<List<String>> identity(IncomingRequest request) {
        List<String> values = new ArrayList<>();
        for (String header : definition.identityHeaders()) {
            values.add(request.header(header.toLowerCase(Locale.ROOT)));
        }
        for (String query : definition.identityQueryStrings()) {
            values.add(request.queryStringParameters() == null ? null : request.queryStringParameters().get(query));
        }
        return values.stream().anyMatch(value -> value == null || value.isEmpty()) ? Optional.empty()
                : Optional.of(List.copyOf(values));
    }

    /** @throws LocalFunction.FunctionFailure when the function fails or answers something that is not a simple response */
    Decision authorize(List<String> identity, Router.Match match, IncomingRequest request, GatewayEvents events)
            throws LocalFunction.FunctionFailure {
        long now = clock.millis();
        Cached cached = cache.get(identity);
        if (cached != null && now < cached.expiresAtMillis()) {
            return cached.decision();
        }
        JsonNode answer = function.invoke(events.authorizer(request, match, identity), request.requestId());
        JsonNode authorized = answer.path("isAuthorized");
        if (!authorized.isBoolean()) {
            throw new LocalFunction.FunctionFailure("authorizer " + definition.name() + " answered without a boolean"
                    + " isAuthorized: " + answer, null);
        }
        JsonNode context = answer.path("context");
        @SuppressWarnings("unchecked")
        Map<String, Object> contextMap = context.isObject() ? mapper.convertValue(context, Map.class) : Map.of();
        Decision decision = new Decision(authorized.booleanValue(), contextMap);
        if (ttlMillis > 0) {
            if (cache.size() >= MAX_CACHED) {
                cache.values().removeIf(entry -> entry.expiresAtMillis() <= now);
                if (cache.size() >= MAX_CACHED) {
                    cache.clear();
                }
            }
            cache.put(identity, new Cached(decision, now + ttlMillis));
        }
        return decision;
    }
}
