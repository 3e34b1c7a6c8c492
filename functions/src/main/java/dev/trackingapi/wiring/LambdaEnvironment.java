package dev.trackingapi.wiring;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.trackingapi.auth.ApiKeyAuthenticator;
import dev.trackingapi.config.EnvironmentVariables;
import dev.trackingapi.priming.CatalogRoute;
import dev.trackingapi.priming.Primer;
import dev.trackingapi.priming.RehearsableHttpClient;
import dev.trackingapi.priming.WarmUpRequests;
import dev.trackingapi.service.BatchTracker;
import dev.trackingapi.service.CustomerEraser;
import dev.trackingapi.service.CustomerReader;
import dev.trackingapi.service.CustomerTracker;
import dev.trackingapi.service.EventReader;
import dev.trackingapi.service.EventTracker;
import dev.trackingapi.service.ProductCatalog;
import dev.trackingapi.service.SchemaReader;
import dev.trackingapi.store.dynamodb.DynamoDbClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Map;

import static dev.trackingapi.config.EnvironmentVariables.API_KEYS_TABLE;
import static dev.trackingapi.config.EnvironmentVariables.ATTRIBUTE_TYPES_TABLE;
import static dev.trackingapi.config.EnvironmentVariables.CATALOG_TABLE;
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

    private static final class BatchFunction {
        static final Wiring.BatchServices SERVICES = Wiring.batchServices(Client.DYNAMO_DB, VARIABLES);
    }

    private static final class CatalogFunction {
        static final ProductCatalog CATALOG = Wiring.productCatalog(Client.DYNAMO_DB, VARIABLES);
    }

    private static final class CustomerReadFunction {
        static final CustomerReader READER = Wiring.customerReader(Client.DYNAMO_DB, VARIABLES);
    }

    private static final class EventReadFunction {
        static final EventReader READER = Wiring.eventReader(Client.DYNAMO_DB, VARIABLES);
    }

    private static final class SchemaFunction {
        static final SchemaReader READER = Wiring.schemaReader(Client.DYNAMO_DB, VARIABLES);
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

    public static BatchTracker batchTracker() {
        return BatchFunction.SERVICES.tracker();
    }

    public static ProductCatalog productCatalog() {
        return CatalogFunction.CATALOG;
    }

    public static CustomerEraser customerEraser() {
        return ErasureFunction.ERASER;
    }

    public static ApiKeyAuthenticator authenticator() {
        return Authorizer.AUTHENTICATOR;
    }

    public static CustomerReader customerReader() {
        return CustomerReadFunction.READER;
    }

    public static EventReader eventReader() {
        return EventReadFunction.READER;
    }

    public static SchemaReader schemaReader() {
        return SchemaFunction.READER;
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

    public static void primeBatchFunction(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        Wiring.BatchServices services = BatchFunction.SERVICES;
        Primer.batchFunction(handler, HTTP_CLIENT, services.types(), services.profiles(),
                WarmUpRequests.batchFunction(Client.DYNAMO_DB, VARIABLES.required(ATTRIBUTE_TYPES_TABLE),
                        VARIABLES.required(CUSTOMERS_TABLE), VARIABLES.required(EVENTS_TABLE), BesideWrites.pool()));
    }

    /** Primes a catalog function with its route's requests; the catalog keeps no cache, so there is nothing to learn. */
    public static void primeCatalogFunction(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                            CatalogRoute route) {
        Primer.catalogFunction(handler, HTTP_CLIENT, route,
                WarmUpRequests.catalogFunction(Client.DYNAMO_DB, VARIABLES.required(CATALOG_TABLE), route));
    }

    public static void primeCustomerReadFunction(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        CustomerReader reader = CustomerReadFunction.READER;
        Primer.customerReadFunction(handler, HTTP_CLIENT, reader::forget, WarmUpRequests.customerRead(Client.DYNAMO_DB,
                VARIABLES.required(ATTRIBUTE_TYPES_TABLE), VARIABLES.required(CUSTOMERS_TABLE)), reader::learnRegistered);
    }

    public static void primeEventReadFunction(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        Primer.eventReadFunction(handler, HTTP_CLIENT,
                WarmUpRequests.eventRead(Client.DYNAMO_DB, VARIABLES.required(EVENTS_TABLE)));
    }

    public static void primeSchemaFunction(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        Primer.schemaFunction(handler, HTTP_CLIENT,
                WarmUpRequests.schemaRead(Client.DYNAMO_DB, VARIABLES.required(ATTRIBUTE_TYPES_TABLE)));
    }

    public static void primeEventSchemaFunction(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        Primer.eventSchemaFunction(handler, HTTP_CLIENT,
                WarmUpRequests.eventSchemaRead(Client.DYNAMO_DB, VARIABLES.required(ATTRIBUTE_TYPES_TABLE)));
    }

    /** The explorer reads nothing: it never builds the DynamoDB client. */
    public static void primeExplorer(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        Primer.explorer(handler, HTTP_CLIENT);
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
