package dev.trackingapi.entrypoints;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.trackingapi.api.ApiRequest;
import dev.trackingapi.api.ApiResponses;
import dev.trackingapi.api.Cursors;
import dev.trackingapi.model.EventsPage;
import dev.trackingapi.model.EventsQuery;
import dev.trackingapi.model.Scope;
import dev.trackingapi.service.EventReader;
import dev.trackingapi.validation.Limits;
import dev.trackingapi.validation.Parameters;
import dev.trackingapi.wiring.LambdaEnvironment;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GET /customers/{id}/events, and GET /events?customerId=... for an id that holds '/': a page of the customer's
 * events, newest first, with a cursor to the next page. A customer without events (or unknown) has an empty page.
 */
public final class CustomerEventsHandler extends ApiEndpoint {
    static final String ID = "id";
    static final String CUSTOMER_ID = "customerId";
    static final String LIMIT = "limit";
    static final String CURSOR = "cursor";
    static final String FROM = "from";
    static final String TO = "to";
    static final String NAME = "name";
    static final int MAX_LIMIT = 100;
    static final int DEFAULT_LIMIT = 25;

    private final EventReader reader;

    public CustomerEventsHandler() {
        this(LambdaEnvironment.eventReader(), Clock.systemUTC());
        LambdaEnvironment.primeEventReadFunction(this);
    }

    public CustomerEventsHandler(EventReader reader, Clock clock) {
        super(Scope.READ, clock);
        this.reader = reader;
    }

    @Override
    APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String idParameter = request.hasPathParameter(ID) ? ID : CUSTOMER_ID;
        Parameters parameters = request.parameters(Set.of(idParameter, LIMIT, CURSOR, FROM, TO, NAME));
        String customerId = parameters.identifier(idParameter, Limits.MAX_CUSTOMER_ID_LENGTH);
        int limit = (int) parameters.integer(LIMIT, 1, MAX_LIMIT, DEFAULT_LIMIT);
        long from = parameters.integer(FROM, EventsQuery.MIN_TIME, EventsQuery.END_OF_TIME - 1, EventsQuery.MIN_TIME);
        long to = parameters.integer(TO, EventsQuery.MIN_TIME + 1, EventsQuery.END_OF_TIME, EventsQuery.END_OF_TIME);
        String name = parameters.optionalIdentifier(NAME, Limits.MAX_NAME_LENGTH);
        String cursor = parameters.text(CURSOR);
        if (from >= to && !parameters.hasProblems()) {
            parameters.problem(TO, "number.greater", "must be greater than from (" + from + ")", to,
                    Map.of("limit", from));
        }
        parameters.throwIfAny();

        List<String> boundTo = Arrays.asList("events", request.projectId(), customerId, Long.toString(from),
                Long.toString(to), name);
        String after = cursor == null ? null : Cursors.read(cursor, CURSOR, boundTo);
        EventsQuery query = new EventsQuery(request.projectId(), customerId, from, to, name, limit, after);
        if (after != null && !reader.canContinueFrom(query, after)) {
            throw Cursors.outOfRange(CURSOR);
        }
        EventsPage page = reader.page(query);
        return ApiResponses.events(page.events(),
                page.nextPosition() == null ? null : Cursors.issue(page.nextPosition(), boundTo));
    }
}
