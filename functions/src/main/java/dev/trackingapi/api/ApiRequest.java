package dev.trackingapi.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.auth.ProjectIds;
import dev.trackingapi.metrics.InvocationMetrics;
import dev.trackingapi.model.Scope;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A request as a route sees it: the project the authorizer named (and only the authorizer: never the body), what the
 * key may do there, the body, when API Gateway received it, and the metrics its services report to.
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
    private final InvocationMetrics metrics;

    private ApiRequest(APIGatewayV2HTTPEvent event, String projectId, Set<Scope> scopes, Instant receivedAt,
                       InvocationMetrics metrics) {
        this.event = event;
        this.projectId = projectId;
        this.scopes = scopes;
        this.receivedAt = receivedAt;
        this.metrics = metrics;
    }

    /**
     * @param metrics what the request's services report to (the entry point writes them when it has answered)
     * @throws HttpProblem 401 when the authorizer named no valid project: the call was not authorized
     */
    public static ApiRequest of(APIGatewayV2HTTPEvent event, Clock clock, InvocationMetrics metrics) {
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
                timeEpoch > 0 ? Instant.ofEpochMilli(timeEpoch) : clock.instant(), metrics);
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

    /** The body as strict JSON. @throws HttpProblem 400 or 413 when it is not JSON or too large */
    public JsonNode jsonBody() {
        return RequestBodies.json(event.getBody(), event.getIsBase64Encoded());
    }
}
