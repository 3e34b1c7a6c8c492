package dev.trackingapi.entrypoints;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.trackingapi.api.ApiRequest;
import dev.trackingapi.api.ApiResponses;
import dev.trackingapi.api.HttpProblem;
import dev.trackingapi.model.Scope;
import dev.trackingapi.service.CustomerReader;
import dev.trackingapi.validation.Limits;
import dev.trackingapi.validation.Parameters;
import dev.trackingapi.wiring.LambdaEnvironment;

import java.time.Clock;
import java.util.Set;

/**
 * GET /customers/{id}, and GET /customers?id=... for an id that holds '/' (API Gateway decodes the path before it
 * picks a route, so an encoded '/' cannot stay inside one path segment): the customer's profile, typed, and the values
 * that were not applied to it.
 */
public final class CustomerHandler extends ApiEndpoint {
    static final String ID = "id";

    private final CustomerReader reader;

    public CustomerHandler() {
        this(LambdaEnvironment.customerReader(), Clock.systemUTC());
        LambdaEnvironment.primeCustomerReadFunction(this);
    }

    public CustomerHandler(CustomerReader reader, Clock clock) {
        super(Scope.READ, clock);
        this.reader = reader;
    }

    @Override
    APIGatewayV2HTTPResponse handle(ApiRequest request) {
        Parameters parameters = request.parameters(Set.of(ID));
        String customerId = parameters.identifier(ID, Limits.MAX_CUSTOMER_ID_LENGTH);
        parameters.throwIfAny();
        return reader.profile(request.projectId(), customerId).map(ApiResponses::customer)
                .orElseThrow(() -> HttpProblem.notFound("This project has no customer with the id \"" + customerId
                        + "\""));
    }
}
