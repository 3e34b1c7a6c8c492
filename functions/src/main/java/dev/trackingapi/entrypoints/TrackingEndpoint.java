package dev.trackingapi.entrypoints;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.auth.ProjectIds;
import dev.trackingapi.domain.RequestValidationException;
import dev.trackingapi.domain.TrackingResult;
import dev.trackingapi.http.ApiResponses;
import dev.trackingapi.http.HttpProblem;
import dev.trackingapi.http.Log;
import dev.trackingapi.http.RequestBodies;
import dev.trackingapi.store.StorageUnavailableException;
import dev.trackingapi.store.StoredItemTooLargeException;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What every tracking route does: project from the authorizer, body as strict JSON, route-specific validation and
 * tracking, and one mapping of every outcome to HTTP. No exception ever leaves as a stack trace.
 */
abstract class TrackingEndpoint implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    static final String PROJECT_ID_CONTEXT_KEY = "projectId";

    private final Clock clock;

    TrackingEndpoint(Clock clock) {
        this.clock = clock;
    }

    /** Validates the body (throwing {@link RequestValidationException}) and tracks it for the project. */
    abstract TrackingResult track(String projectId, JsonNode body, Instant receivedAt);

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            String projectId = projectId(event);
            JsonNode body = RequestBodies.json(event.getBody(), event.getIsBase64Encoded());
            return ApiResponses.success(track(projectId, body, receivedAt(event)));
        } catch (HttpProblem problem) {
            return ApiResponses.problem(problem);
        } catch (RequestValidationException invalid) {
            return ApiResponses.validationError(invalid);
        } catch (StoredItemTooLargeException tooLarge) {
            return ApiResponses.error(413, "PayloadTooLargeError", "The customer profile would exceed DynamoDB's"
                    + " 400 KB item size with these values; nothing was written. Send smaller values.");
        } catch (StorageUnavailableException unavailable) {
            Log.warn(context, "503 storage unavailable: " + unavailable.getMessage());
            return ApiResponses.unavailable();
        } catch (RuntimeException | StackOverflowError unexpected) {
            String requestId = requestId(event, context);
            Log.error(context, "500 unexpected failure, requestId " + requestId, unexpected);
            return ApiResponses.internalError(requestId);
        }
    }

    /** Only the authorizer's context names the project, never the body; its absence means the call was not authorized. */
    private static String projectId(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext requestContext = event == null ? null : event.getRequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer =
                requestContext == null ? null : requestContext.getAuthorizer();
        Map<String, Object> lambda = authorizer == null ? null : authorizer.getLambda();
        Object projectId = lambda == null ? null : lambda.get(PROJECT_ID_CONTEXT_KEY);
        if (!(projectId instanceof String id) || !ProjectIds.isValid(id)) {
            throw HttpProblem.unauthenticated("A valid x-growlytics-key header is required");
        }
        return id;
    }

    /** API Gateway's own receive time, so that a replay of the same request is the same request. */
    private Instant receivedAt(APIGatewayV2HTTPEvent event) {
        long timeEpoch = event.getRequestContext().getTimeEpoch();
        return timeEpoch > 0 ? Instant.ofEpochMilli(timeEpoch) : clock.instant();
    }

    private static String requestId(APIGatewayV2HTTPEvent event, Context context) {
        if (event != null && event.getRequestContext() != null && event.getRequestContext().getRequestId() != null) {
            return event.getRequestContext().getRequestId();
        }
        if (context != null && context.getAwsRequestId() != null) {
            return context.getAwsRequestId();
        }
        return UUID.randomUUID().toString();
    }
}
