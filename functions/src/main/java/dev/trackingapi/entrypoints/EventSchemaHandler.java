package dev.trackingapi.entrypoints;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.trackingapi.api.ApiRequest;
import dev.trackingapi.api.ApiResponses;
import dev.trackingapi.api.HttpProblem;
import dev.trackingapi.model.Scope;
import dev.trackingapi.service.SchemaReader;
import dev.trackingapi.validation.Limits;
import dev.trackingapi.validation.Parameters;
import dev.trackingapi.wiring.LambdaEnvironment;

import java.time.Clock;
import java.util.Set;

/**
 * GET /schema/events/{name+}: one event name's registered types. The route's greedy variable takes the rest of the
 * (decoded) path, so a name holding '/' is read whole.
 */
public final class EventSchemaHandler extends ApiEndpoint {
    static final String NAME = "name";

    private final SchemaReader reader;

    public EventSchemaHandler() {
        this(LambdaEnvironment.schemaReader(), Clock.systemUTC());
        LambdaEnvironment.primeEventSchemaFunction(this);
    }

    public EventSchemaHandler(SchemaReader reader, Clock clock) {
        super(Scope.READ, clock);
        this.reader = reader;
    }

    @Override
    APIGatewayV2HTTPResponse handle(ApiRequest request) {
        Parameters parameters = request.parameters(Set.of(NAME));
        String name = parameters.identifier(NAME, Limits.MAX_NAME_LENGTH);
        parameters.throwIfAny();
        return reader.event(request.projectId(), name).map(ApiResponses::eventSchema)
                .orElseThrow(() -> HttpProblem.notFound("No attribute of an event named \"" + name + "\" has been"
                        + " registered in this project"));
    }
}
