package dev.trackingapi.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.auth.ProjectIds;
import dev.trackingapi.model.Scope;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A request as a route sees it: the project the authorizer named (and only the authorizer: never the body), what the
 * key may do there, the body or the path's parameters, when API Gateway received it, and how long the function has
 * left to answer.
 */
public final class ApiRequest {
    /** The key of the authorizer's context that names the project. */
    public static final String PROJECT_ID = "projectId";
    /**
     * The key of the authorizer's context that lists the key's scopes, "track,read". A context without it (an answer
     * cached by API Gateway before scopes existed) grants what a key without scopes has: track.
     */
    public static final String SCOPES = "scopes";

    private final APIGatewayV2HTTPEvent event;
    private final String projectId;
    private final Set<Scope> scopes;
    private final Instant receivedAt;
    private final Duration timeLeft;

    private ApiRequest(APIGatewayV2HTTPEvent event, String projectId, Set<Scope> scopes, Instant receivedAt,
                       Duration timeLeft) {
        this.event = event;
        this.projectId = projectId;
        this.scopes = scopes;
        this.receivedAt = receivedAt;
        this.timeLeft = timeLeft;
    }

    /** @throws HttpProblem 401 when the authorizer named no valid project: the call was not authorized */
    public static ApiRequest of(APIGatewayV2HTTPEvent event, Clock clock) {
        return of(event, null, clock);
    }

    /**
     * @param context the Lambda context (its remaining time), or null outside Lambda
     * @throws HttpProblem 401 when the authorizer named no valid project: the call was not authorized
     */
    public static ApiRequest of(APIGatewayV2HTTPEvent event, Context context, Clock clock) {
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
        return new ApiRequest(event, id, scopes instanceof String names ? Scope.parse(names) : Scope.DEFAULT,
                timeEpoch > 0 ? Instant.ofEpochMilli(timeEpoch) : clock.instant(),
                context == null ? null : Duration.ofMillis(Math.max(0, context.getRemainingTimeInMillis())));
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

    /** How long the function has left before Lambda stops it; empty outside Lambda (no context). */
    public Optional<Duration> timeLeft() {
        return Optional.ofNullable(timeLeft);
    }

    /**
     * A parameter of the route's path, as API Gateway delivers it: an HTTP API decodes percent-encoding once before
     * the function runs ("%40" arrives as "@"), so the value is used as it is and never decoded a second time (a
     * customer id may hold "%").
     *
     * @throws HttpProblem 400 when the path has no such parameter, or it is empty
     */
    public String pathParameter(String name) {
        Map<String, String> parameters = event.getPathParameters();
        String value = parameters == null ? null : parameters.get(name);
        if (value == null || value.isEmpty()) {
            throw HttpProblem.badRequest("The path has no " + name + ": call " + event.getRawPath() + " with the "
                    + name + " as its last segment");
        }
        return value;
    }

    /** The body as strict JSON. @throws HttpProblem 400 or 413 when it is not JSON or too large */
    public JsonNode jsonBody() {
        return RequestBodies.json(event.getBody(), event.getIsBase64Encoded());
    }
}
