package dev.trackingapi.entrypoints;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.api.ApiRequest;
import dev.trackingapi.api.ApiResponses;
import dev.trackingapi.metrics.InvocationMetrics;
import dev.trackingapi.model.Scope;
import dev.trackingapi.model.TrackingResult;

import java.time.Clock;
import java.time.Instant;

/** A tracking route: the body as strict JSON, the route's validation and tracking, {"success":true} and what was ignored. */
abstract class TrackingEndpoint extends ApiEndpoint {

    TrackingEndpoint(Clock clock) {
        super(Scope.TRACK, clock);
    }

    /**
     * Validates the body (throwing {@code RequestValidationException}) and tracks it for the project, reporting what
     * was written to {@code metrics}.
     */
    abstract TrackingResult track(String projectId, JsonNode body, Instant receivedAt, InvocationMetrics metrics);

    @Override
    final APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return ApiResponses.success(track(request.projectId(), request.jsonBody(), request.receivedAt(),
                request.metrics()));
    }
}
