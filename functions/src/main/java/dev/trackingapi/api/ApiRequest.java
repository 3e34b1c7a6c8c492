package dev.trackingapi.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.auth.ProjectIds;
import dev.trackingapi.metrics.InvocationMetrics;
import dev.trackingapi.model.Deadline;
import dev.trackingapi.model.Scope;
import dev.trackingapi.validation.Parameters;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A request as a route sees it: the project the authorizer named (and only the authorizer: never the body), what the
 * key may do there, the body or the path and query parameters, when API Gateway received it, until when work that
 * can be resumed may go on, and the metrics its services report to.
 *
 * <p>Path parameters are used as API Gateway passes them: it has decoded them once already (an HTTP API decodes the
 * whole path before it picks a route), so they are never decoded again, and "100%25" names the customer "100%". The
 * query string is read from {@code rawQueryString}, which API Gateway leaves encoded, so that a parameter given twice
 * is seen as such (its {@code queryStringParameters} join repeated values with commas, which names may hold).
 */
public final class ApiRequest {
    /** The key of the authorizer's context that names the project. */
    public static final String PROJECT_ID = "projectId";
    /**
     * The key of the authorizer's context that lists the key's scopes, "track,read". A context without it (an answer
     * cached by API Gateway before scopes existed) grants what a key without scopes has: track.
     */
    public static final String SCOPES = "scopes";
    /**
     * What resumable work leaves of the function's time: one DynamoDB call may take up to its 6 s call timeout
     * (DynamoDbClients), so work stops while more than that is left, and its answer goes out before Lambda's timeout.
     */
    public static final Duration WORK_RESERVE = Duration.ofMillis(6_500);

    private final APIGatewayV2HTTPEvent event;
    private final Context context;
    private final String projectId;
    private final Set<Scope> scopes;
    private final Instant receivedAt;
    /** When Lambda stops the invocation, by {@link #clock}; null outside Lambda. */
    private final Instant invocationEnd;
    private final Clock clock;
    private final InvocationMetrics metrics;

    private ApiRequest(APIGatewayV2HTTPEvent event, Context context, String projectId, Set<Scope> scopes,
                       Instant receivedAt, Instant invocationEnd, Clock clock, InvocationMetrics metrics) {
        this.event = event;
        this.context = context;
        this.projectId = projectId;
        this.scopes = scopes;
        this.receivedAt = receivedAt;
        this.invocationEnd = invocationEnd;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * @param context the invocation's, whose remaining time bounds resumable work; null for no bound
     * @param metrics what the request's services report to (the entry point writes them when it has answered)
     * @throws HttpProblem 401 when the authorizer named no valid project: the call was not authorized
     */
    public static ApiRequest of(APIGatewayV2HTTPEvent event, Context context, Clock clock, InvocationMetrics metrics) {
        APIGatewayV2HTTPEvent.RequestContext requestContext = event == null ? null : event.getRequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer =
                requestContext == null ? null : requestContext.getAuthorizer();
        Map<String, Object> lambda = authorizer == null ? null : authorizer.getLambda();
        Object projectId = lambda == null ? null : lambda.get(PROJECT_ID);
        if (!(projectId instanceof String id) || !ProjectIds.isValid(id)) {
            throw HttpProblem.unauthenticated("A valid x-growlytics-key header is required");
        }
        // API Gateway's own receive time, so that a replay of the same request is the same request.
        long timeEpoch = requestContext.getTimeEpoch();
        Object scopes = lambda.get(SCOPES);
        Instant invocationEnd = context == null ? null
                : clock.instant().plusMillis(Math.max(0, context.getRemainingTimeInMillis()));
        return new ApiRequest(event, context, id, scopes instanceof String names ? Scope.parse(names) : Scope.DEFAULT,
                timeEpoch > 0 ? Instant.ofEpochMilli(timeEpoch) : clock.instant(), invocationEnd, clock, metrics);
    }

    /** @throws HttpProblem 403 naming the scope when the key may not do this */
    public void requireScope(Scope scope) {
        if (!scopes.contains(scope)) {
            throw HttpProblem.forbidden("This API key may not " + scope.wireName());
        }
    }

    public String projectId() {
        return projectId;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    /** The invocation's metrics: pass them to the services, which report what they wrote (functions/README.md). */
    public InvocationMetrics metrics() {
        return metrics;
    }

    /** Until when work that a later request can resume (a deletion) may go on before this one answers. */
    public Deadline deadline() {
        return invocationEnd == null ? Deadline.none() : Deadline.at(invocationEnd.minus(WORK_RESERVE), clock);
    }

    /** How long the function has left before Lambda stops it; empty outside Lambda (no context). */
    public Optional<Duration> timeLeft() {
        return invocationEnd().map(end -> Duration.between(clock.instant(), end));
    }

    /** When Lambda stops the invocation (its function's timeout), by the request's clock; empty outside Lambda. */
    public Optional<Instant> invocationEnd() {
        return Optional.ofNullable(invocationEnd);
    }

    /** The Lambda context, for log lines; null outside Lambda. */
    public Context context() {
        return context;
    }

    /** A path parameter as API Gateway passes it (decoded once, never again); null when the route has none. */
    public String pathParameter(String name) {
        Map<String, String> parameters = event.getPathParameters();
        return parameters == null ? null : parameters.get(name);
    }

    /** A query string parameter as API Gateway decoded it (a repeated one comes joined by commas); null when absent. */
    public String queryParameter(String name) {
        Map<String, String> parameters = event.getQueryStringParameters();
        return parameters == null ? null : parameters.get(name);
    }

    /**
     * The path and query parameters together, for the route to check: the names it takes are {@code accepted}.
     *
     * @throws HttpProblem 400 when the query string is not valid percent-encoded UTF-8
     */
    public Parameters parameters(Set<String> accepted) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        String rawQuery = event.getRawQueryString();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (!pair.isEmpty()) {
                    int equals = pair.indexOf('=');
                    String name = formDecoded(equals < 0 ? pair : pair.substring(0, equals));
                    String value = equals < 0 ? "" : formDecoded(pair.substring(equals + 1));
                    values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                }
            }
        } else if (event.getQueryStringParameters() != null) {
            event.getQueryStringParameters().forEach((name, value) -> values.put(name, new ArrayList<>(List.of(value))));
        }
        if (event.getPathParameters() != null) {
            event.getPathParameters().forEach((name, value) ->
                    values.computeIfAbsent(name, n -> new ArrayList<>()).add(0, value));
        }
        return new Parameters(values, accepted);
    }

    /** Whether the route's path holds this parameter (the path form of a route that also has a query form). */
    public boolean hasPathParameter(String name) {
        return event.getPathParameters() != null && event.getPathParameters().containsKey(name);
    }

    /** application/x-www-form-urlencoded decoding, as API Gateway decodes query parameters: '+' is a space. */
    private static String formDecoded(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            int c = raw.codePointAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    throw notEncoded();
                }
                bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else {
                bytes.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c) - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw notEncoded();
        }
    }

    private static HttpProblem notEncoded() {
        return HttpProblem.badRequest("The query string is not valid percent-encoded UTF-8");
    }

    /** The body as strict JSON. @throws HttpProblem 400 or 413 when it is not JSON or too large */
    public JsonNode jsonBody() {
        return RequestBodies.json(event.getBody(), event.getIsBase64Encoded());
    }

    /** The body as strict JSON, of at most {@code maxBytes}. @throws HttpProblem 400 or 413 */
    public JsonNode jsonBody(int maxBytes) {
        return RequestBodies.json(event.getBody(), event.getIsBase64Encoded(), maxBytes);
    }
}
