package dev.trackingapi.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.auth.ProjectIds;
import dev.trackingapi.metrics.InvocationMetrics;
import dev.trackingapi.model.Deadline;
import dev.trackingapi.model.Scope;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A request as a route sees it: the project the authorizer named (and only the authorizer: never the body), what the
 * key may do there, the body, its path and query parameters, when API Gateway received it, until when work that
 * can be resumed may go on, and the metrics its services report to.
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
    private final String projectId;
    private final Set<Scope> scopes;
    private final Instant receivedAt;
    private final Deadline deadline;
    private final InvocationMetrics metrics;

    private ApiRequest(APIGatewayV2HTTPEvent event, String projectId, Set<Scope> scopes, Instant receivedAt,
                       Deadline deadline, InvocationMetrics metrics) {
        this.event = event;
        this.projectId = projectId;
        this.scopes = scopes;
        this.receivedAt = receivedAt;
        this.deadline = deadline;
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
        Deadline deadline = context == null ? Deadline.none() : Deadline.at(clock.instant()
                .plusMillis(context.getRemainingTimeInMillis()).minus(WORK_RESERVE), clock);
        return new ApiRequest(event, id, scopes instanceof String names ? Scope.parse(names) : Scope.DEFAULT,
                timeEpoch > 0 ? Instant.ofEpochMilli(timeEpoch) : clock.instant(), deadline, metrics);
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
        return deadline;
    }

    /**
     * A path parameter, percent-decoded exactly once: {@code %2F} is '/', {@code %25} is '%', '+' stays '+'. The
     * event carries the segment as the client sent it, encoded (the local API passes it so; see the README on API
     * Gateway). Null when the route has no such parameter.
     *
     * @throws HttpProblem 400 when the segment is not valid percent-encoding of UTF-8 text
     */
    public String pathParameter(String name) {
        Map<String, String> parameters = event.getPathParameters();
        String raw = parameters == null ? null : parameters.get(name);
        if (raw == null) {
            return null;
        }
        String decoded = percentDecoded(raw);
        if (decoded == null) {
            throw HttpProblem.badRequest("The path parameter " + name + " is not valid percent-encoding of UTF-8"
                    + " text: encode each byte that is not a letter, digit or one of -._~ as %XX, and '%' itself as"
                    + " %25");
        }
        return decoded;
    }

    /** A query string parameter as API Gateway decoded it (a repeated one comes joined by commas); null when absent. */
    public String queryParameter(String name) {
        Map<String, String> parameters = event.getQueryStringParameters();
        return parameters == null ? null : parameters.get(name);
    }

    /** The text the percent-encoded segment spells, or null when it is not valid percent-encoding of UTF-8. */
    static String percentDecoded(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c != '%') {
                int end = Character.isHighSurrogate(c) && i + 1 < segment.length()
                        && Character.isLowSurrogate(segment.charAt(i + 1)) ? i + 2 : i + 1;
                if (end == i + 1 && Character.isSurrogate(c)) {
                    return null;
                }
                bytes.writeBytes(segment.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
                continue;
            }
            if (i + 2 >= segment.length()) {
                return null;
            }
            int high = Character.digit(segment.charAt(i + 1), 16);
            int low = Character.digit(segment.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                return null;
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The body as strict JSON. @throws HttpProblem 400 or 413 when it is not JSON or too large */
    public JsonNode jsonBody() {
        return RequestBodies.json(event.getBody(), event.getIsBase64Encoded());
    }
}
