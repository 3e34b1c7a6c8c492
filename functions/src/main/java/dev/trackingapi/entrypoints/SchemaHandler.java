package dev.trackingapi.entrypoints;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.trackingapi.api.ApiRequest;
import dev.trackingapi.api.ApiResponses;
import dev.trackingapi.model.Scope;
import dev.trackingapi.service.SchemaReader;
import dev.trackingapi.validation.Parameters;
import dev.trackingapi.wiring.LambdaEnvironment;

import java.time.Clock;
import java.util.Set;

/** GET /schema: every registered type of the key's project, customer attributes and event attributes by event name. */
public final class SchemaHandler extends ApiEndpoint {
    private final SchemaReader reader;

    public SchemaHandler() {
        this(LambdaEnvironment.schemaReader(), Clock.systemUTC());
        LambdaEnvironment.primeSchemaFunction(this);
    }

    public SchemaHandler(SchemaReader reader, Clock clock) {
        super(Scope.READ, clock);
        this.reader = reader;
    }

    @Override
    APIGatewayV2HTTPResponse handle(ApiRequest request) {
        Parameters parameters = request.parameters(Set.of());
        parameters.throwIfAny();
        return ApiResponses.schema(reader.schema(request.projectId()));
    }
}
