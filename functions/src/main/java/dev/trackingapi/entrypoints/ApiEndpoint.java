package dev.trackingapi.entrypoints;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.trackingapi.api.ApiRequest;
import dev.trackingapi.api.ApiResponses;
import dev.trackingapi.api.HttpProblem;
import dev.trackingapi.log.Log;
import dev.trackingapi.metrics.InvocationMetrics;
import dev.trackingapi.metrics.Metrics;
import dev.trackingapi.model.Scope;
import dev.trackingapi.service.EntryBeingDeletedException;
import dev.trackingapi.store.StorageUnavailableException;
import dev.trackingapi.store.StoredItemTooLargeException;
import dev.trackingapi.validation.RequestValidationException;

import java.time.Clock;
import java.util.UUID;

/**
 * What every route of the HTTP API does around its own work: the request as the route sees it, the scope the route
 * needs (checked before anything is read), one mapping of every outcome to HTTP, and the invocation's metrics (one EMF
 * line: the route, a rejection and its status, storage that could not be used, and whatever the route's services
 * reported to {@link ApiRequest#metrics()}). No exception ever leaves as a stack trace.
 */
abstract class ApiEndpoint implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Scope requiredScope;
    private final Clock clock;

    ApiEndpoint(Scope requiredScope, Clock clock) {
        this.requiredScope = requiredScope;
        this.clock = clock;
    }

    /** The route's own work; it throws {@link HttpProblem} or {@link RequestValidationException} for bad requests. */
    abstract APIGatewayV2HTTPResponse handle(ApiRequest request);

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        InvocationMetrics metrics = new InvocationMetrics();
        String projectId = null;
        APIGatewayV2HTTPResponse response;
        try {
            ApiRequest request = ApiRequest.of(event, context, clock, metrics);
            projectId = request.projectId();
            request.requireScope(requiredScope);
            response = handle(request);
        } catch (HttpProblem problem) {
            response = ApiResponses.problem(problem);
        } catch (RequestValidationException invalid) {
            response = ApiResponses.validationError(invalid);
        } catch (StoredItemTooLargeException tooLarge) {
            response = ApiResponses.error(413, "PayloadTooLargeError", "The customer profile would exceed DynamoDB's"
                    + " 400 KB item size with these values; nothing was written. Send smaller values.");
        } catch (EntryBeingDeletedException beingDeleted) {
            response = ApiResponses.unavailable(beingDeleted.getMessage());
        } catch (StorageUnavailableException unavailable) {
            Log.warn(context, "503 storage unavailable: " + unavailable.getMessage());
            response = ApiResponses.unavailable();
        } catch (RuntimeException | StackOverflowError unexpected) {
            String requestId = requestId(event, context);
            Log.error(context, "500 unexpected failure, requestId " + requestId, unexpected);
            response = ApiResponses.internalError(requestId);
        }
        metrics.answered(response.getStatusCode());
        Metrics.emit(routeKey(event), projectId, requestId(event, context), receivedAtMillis(event), metrics);
        return response;
    }

    /**
     * The route key API Gateway matched, "POST /track/event/v2": the metrics' Route dimension. It names the route a
     * client called, as the access log's routeKey does, and stays the same across deployments, unlike the function's
     * generated name.
     */
    static String routeKey(APIGatewayV2HTTPEvent event) {
        if (event == null) {
            return null;
        }
        if (event.getRouteKey() != null) {
            return event.getRouteKey();
        }
        return event.getRequestContext() == null ? null : event.getRequestContext().getRouteKey();
    }

    /**
     * When API Gateway received the request: the metrics' timestamp, so that they fall in the same minute as API
     * Gateway's own count of the request (Api5xxAlarm subtracts the one from the other).
     */
    private long receivedAtMillis(APIGatewayV2HTTPEvent event) {
        long timeEpoch = event == null || event.getRequestContext() == null ? 0 : event.getRequestContext().getTimeEpoch();
        return timeEpoch > 0 ? timeEpoch : clock.millis();
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
