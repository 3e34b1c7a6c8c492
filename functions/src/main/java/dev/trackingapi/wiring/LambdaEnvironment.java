package dev.trackingapi.wiring;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.trackingapi.auth.ApiKeyAuthenticator;
import dev.trackingapi.config.EnvironmentVariables;
import dev.trackingapi.priming.Primer;
import dev.trackingapi.priming.RehearsableHttpClient;
import dev.trackingapi.priming.WarmUpRequests;
import dev.trackingapi.service.CustomerEraser;
import dev.trackingapi.service.CustomerTracker;
import dev.trackingapi.service.EventTracker;
import dev.trackingapi.store.dynamodb.DynamoDbClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Map;

import static dev.trackingapi.config.EnvironmentVariables.API_KEYS_TABLE;
import static dev.trackingapi.config.EnvironmentVariables.ATTRIBUTE_TYPES_TABLE;
import static dev.trackingapi.config.EnvironmentVariables.CUSTOMERS_TABLE;
import static dev.trackingapi.config.EnvironmentVariables.ERASURE_RECEIPTS_TABLE;
import static dev.trackingapi.config.EnvironmentVariables.EVENTS_TABLE;

/**
 * A Lambda execution environment's objects: its environment variables, its one DynamoDB client and the services of its
 * function, each built once, at class initialisation (inside Lambda's init phase, and so inside a SnapStart snapshot),
 * never per request; and the priming of its function before the snapshot. Handlers' no-argument constructors, which
 * Lambda calls, come here; everything else builds its objects with {@link Wiring}.
 */
public final class LambdaEnvironment {
    private static final EnvironmentVariables VARIABLES = EnvironmentVariables.system();
    private static final RehearsableHttpClient HTTP_CLIENT = new RehearsableHttpClient(DynamoDbClients.httpClient());

    private LambdaEnvironment() {
    }

    private static final class Client {
        static final DynamoDbClient DYNAMO_DB = DynamoDbClients.fromEnvironment(VARIABLES, HTTP_CLIENT);
    }

    private static final class EventFunction {
        static final Wiring.EventServices SERVICES = Wiring.eventServices(Client.DYNAMO_DB, VARIABLES);
    }

    private static final class CustomerFunction {
        static final Wiring.CustomerServices SERVICES = Wiring.customerServices(Client.DYNAMO_DB, VARIABLES);
    }

    private static final class ErasureFunction {
        static final CustomerEraser ERASER = Wiring.customerEraser(Client.DYNAMO_DB, VARIABLES);
    }

    private static final class Authorizer {
        static final ApiKeyAuthenticator AUTHENTICATOR = Wiring.authenticator(Client.DYNAMO_DB, VARIABLES,
                Clock.systemUTC());
    }

    public static EventTracker eventTracker() {
        return EventFunction.SERVICES.tracker();
    }

    public static CustomerTracker customerTracker() {
        return CustomerFunction.SERVICES.tracker();
    }

    public static CustomerEraser customerEraser() {
        return ErasureFunction.ERASER;
    }

    public static ApiKeyAuthenticator authenticator() {
        return Authorizer.AUTHENTICATOR;
    }

    public static void primeEventFunction(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        Wiring.EventServices services = EventFunction.SERVICES;
        Primer.eventFunction(handler, HTTP_CLIENT, services.types(), services.profiles(),
                WarmUpRequests.eventFunction(Client.DYNAMO_DB, VARIABLES.required(ATTRIBUTE_TYPES_TABLE),
                        VARIABLES.required(CUSTOMERS_TABLE), VARIABLES.required(EVENTS_TABLE), BesideWrites.pool()));
    }

    public static void primeCustomerFunction(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        Primer.customerFunction(handler, HTTP_CLIENT, CustomerFunction.SERVICES.types(),
                WarmUpRequests.customerFunction(Client.DYNAMO_DB, VARIABLES.required(ATTRIBUTE_TYPES_TABLE),
                        VARIABLES.required(CUSTOMERS_TABLE)));
    }

    public static void primeErasureFunction(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        Primer.erasureFunction(handler, HTTP_CLIENT, ErasureFunction.ERASER::forget,
                WarmUpRequests.erasureFunction(Client.DYNAMO_DB, VARIABLES.required(CUSTOMERS_TABLE),
                        VARIABLES.required(EVENTS_TABLE), VARIABLES.required(ERASURE_RECEIPTS_TABLE)));
    }

    public static void primeAuthorizer(RequestHandler<APIGatewayV2CustomAuthorizerEvent, Map<String, Object>> handler) {
        Primer.authorizer(handler, HTTP_CLIENT, Authorizer.AUTHENTICATOR::forget,
                WarmUpRequests.authorizer(Client.DYNAMO_DB, VARIABLES.required(API_KEYS_TABLE)));
    }
}
