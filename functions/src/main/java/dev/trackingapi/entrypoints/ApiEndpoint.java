package dev.trackingapi.entrypoints;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.trackingapi.api.ApiRequest;
import dev.trackingapi.api.ApiResponses;
import dev.trackingapi.api.HttpProblem;
import dev.trackingapi.log.Log;
import dev.trackingapi.model.Scope;
import dev.trackingapi.store.StorageUnavailableException;
import dev.trackingapi.store.StoredItemTooLargeException;
import dev.trackingapi.validation.RequestValidationException;

import java.time.Clock;
import java.util.UUID;

/**
 * What every route of the HTTP API does around its own work: the request as the route sees it, the scope the route
 * needs (checked before anything is read), and one mapping of every outcome to HTTP. No exception ever leaves as a
 * stack trace.
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
        try {
            ApiRequest request = ApiRequest.of(event, context, clock);
            request.requireScope(requiredScope);
            return handle(request);
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
