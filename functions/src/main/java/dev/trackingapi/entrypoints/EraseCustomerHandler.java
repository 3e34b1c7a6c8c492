package dev.trackingapi.entrypoints;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.trackingapi.api.ApiRequest;
import dev.trackingapi.api.ApiResponses;
import dev.trackingapi.model.Scope;
import dev.trackingapi.service.CustomerEraser;
import dev.trackingapi.validation.CustomerIds;
import dev.trackingapi.wiring.LambdaEnvironment;

import java.time.Clock;
import java.time.Duration;

/**
 * DELETE /customers/{id}: erases everything stored about the customer in the key's project, and answers with the
 * receipt; 202 when the function's time ran out first (calling again goes on). Needs the erase scope.
 */
public final class EraseCustomerHandler extends ApiEndpoint {
    /** The time an erasure may take when there is no Lambda context to tell (a direct call): the template's timeout. */
    static final Duration TIME_WITHOUT_CONTEXT = Duration.ofSeconds(28);

    private final CustomerEraser eraser;

    public EraseCustomerHandler() {
        this(LambdaEnvironment.customerEraser(), Clock.systemUTC());
        LambdaEnvironment.primeErasureFunction(this);
    }

    public EraseCustomerHandler(CustomerEraser eraser, Clock clock) {
        super(Scope.ERASE, clock);
        this.eraser = eraser;
    }

    @Override
    APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String customerId = CustomerIds.fromPath(request.pathParameter("id"));
        return ApiResponses.erasure(eraser.erase(request.projectId(), customerId, request.receivedAt(),
                request.timeLeft().orElse(TIME_WITHOUT_CONTEXT)));
    }
}
