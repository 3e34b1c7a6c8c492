package dev.trackingapi.localapi;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.trackingapi.api.ExplorerPage;
import dev.trackingapi.config.EnvironmentVariables;
import dev.trackingapi.entrypoints.AddCollectionProductsHandler;
import dev.trackingapi.entrypoints.ApiKeyAuthorizerHandler;
import dev.trackingapi.entrypoints.CustomerEventsHandler;
import dev.trackingapi.entrypoints.CustomerHandler;
import dev.trackingapi.entrypoints.DeleteCollectionHandler;
import dev.trackingapi.entrypoints.DeleteProductHandler;
import dev.trackingapi.entrypoints.EraseCustomerHandler;
import dev.trackingapi.entrypoints.EventSchemaHandler;
import dev.trackingapi.entrypoints.ExplorerHandler;
import dev.trackingapi.entrypoints.GetCollectionProductsHandler;
import dev.trackingapi.entrypoints.GetProductHandler;
import dev.trackingapi.entrypoints.RemoveCollectionProductsHandler;
import dev.trackingapi.entrypoints.RestApiCustomerHandler;
import dev.trackingapi.entrypoints.RestApiEventHandler;
import dev.trackingapi.entrypoints.SchemaHandler;
import dev.trackingapi.entrypoints.TrackBatchHandler;
import dev.trackingapi.entrypoints.TrackEventHandler;
import dev.trackingapi.entrypoints.TrackEventV2Handler;
import dev.trackingapi.entrypoints.TrackUserHandler;
import dev.trackingapi.entrypoints.UpsertCollectionHandler;
import dev.trackingapi.entrypoints.UpsertProductHandler;
import dev.trackingapi.wiring.Wiring;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * How the local API builds the handler of each function of the template, by the function's Handler: one explicit
 * factory each, wired with the functions' own {@link Wiring} on the local DynamoDB and on the environment the template
 * gives that function, never through the handler's Lambda constructor (which reads the process environment).
 */
final class LocalHandlers {
    /** The suffix of every Handler in the template: the method Lambda calls. */
    static final String METHOD = "::handleRequest";

    /**
     * Builds a new handler, as Lambda does for a new execution environment, from the function's environment.
     *
     * @param eventType  what the handler takes, read from JSON by the Lambda runtime's serializer
     * @param resultType what it answers, written back to JSON the same way
     */
    record Factory(Class<?> eventType, Class<?> resultType,
                   Function<EnvironmentVariables, RequestHandler<Object, Object>> create) {

        @SuppressWarnings("unchecked")
        static <I, O> Factory of(Class<I> eventType, Class<? super O> resultType,
                                 Function<EnvironmentVariables, RequestHandler<I, O>> create) {
            return new Factory(eventType, resultType,
                    environment -> (RequestHandler<Object, Object>) (RequestHandler<?, ?>) create.apply(environment));
        }

        static Factory route(Function<EnvironmentVariables,
                RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> create) {
            return of(APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPResponse.class, create);
        }
    }

    /** The factories of a set of handlers, given what they may be wired on. */
    interface Catalogue {
        Map<String, Factory> factories(DynamoDbClient dynamoDb, Clock clock);

        default Catalogue and(Catalogue more) {
            return (dynamoDb, clock) -> {
                Map<String, Factory> all = new LinkedHashMap<>(factories(dynamoDb, clock));
                all.putAll(more.factories(dynamoDb, clock));
                return all;
            };
        }
    }

    /** Every handler of template.yaml. */
    static final Catalogue TEMPLATE = (dynamoDb, clock) -> {
        Map<String, Factory> factories = new LinkedHashMap<>();
        factories.put(handler(ApiKeyAuthorizerHandler.class), Factory.of(APIGatewayV2CustomAuthorizerEvent.class,
                Map.class, environment -> new ApiKeyAuthorizerHandler(Wiring.authenticator(dynamoDb, environment,
                        clock))));
        factories.put(handler(TrackEventV2Handler.class), Factory.route(environment ->
                new TrackEventV2Handler(Wiring.eventTracker(dynamoDb, environment), clock)));
        factories.put(handler(TrackEventHandler.class), Factory.route(environment ->
                new TrackEventHandler(Wiring.eventTracker(dynamoDb, environment), clock)));
        factories.put(handler(RestApiEventHandler.class), Factory.route(environment ->
                new RestApiEventHandler(Wiring.eventTracker(dynamoDb, environment), clock)));
        factories.put(handler(TrackUserHandler.class), Factory.route(environment ->
                new TrackUserHandler(Wiring.customerTracker(dynamoDb, environment), clock)));
        factories.put(handler(RestApiCustomerHandler.class), Factory.route(environment ->
                new RestApiCustomerHandler(Wiring.customerTracker(dynamoDb, environment), clock)));
        factories.put(handler(TrackBatchHandler.class), Factory.route(environment ->
                new TrackBatchHandler(Wiring.batchTracker(dynamoDb, environment), clock)));
        factories.put(handler(UpsertProductHandler.class), Factory.route(environment ->
                new UpsertProductHandler(Wiring.productCatalog(dynamoDb, environment), clock)));
        factories.put(handler(DeleteProductHandler.class), Factory.route(environment ->
                new DeleteProductHandler(Wiring.productCatalog(dynamoDb, environment), clock)));
        factories.put(handler(GetProductHandler.class), Factory.route(environment ->
                new GetProductHandler(Wiring.productCatalog(dynamoDb, environment), clock)));
        factories.put(handler(UpsertCollectionHandler.class), Factory.route(environment ->
                new UpsertCollectionHandler(Wiring.productCatalog(dynamoDb, environment), clock)));
        factories.put(handler(DeleteCollectionHandler.class), Factory.route(environment ->
                new DeleteCollectionHandler(Wiring.productCatalog(dynamoDb, environment), clock)));
        factories.put(handler(AddCollectionProductsHandler.class), Factory.route(environment ->
                new AddCollectionProductsHandler(Wiring.productCatalog(dynamoDb, environment), clock)));
        factories.put(handler(RemoveCollectionProductsHandler.class), Factory.route(environment ->
                new RemoveCollectionProductsHandler(Wiring.productCatalog(dynamoDb, environment), clock)));
        factories.put(handler(GetCollectionProductsHandler.class), Factory.route(environment ->
                new GetCollectionProductsHandler(Wiring.productCatalog(dynamoDb, environment), clock)));
        factories.put(handler(CustomerHandler.class), Factory.route(environment ->
                new CustomerHandler(Wiring.customerReader(dynamoDb, environment), clock)));
        factories.put(handler(CustomerEventsHandler.class), Factory.route(environment ->
                new CustomerEventsHandler(Wiring.eventReader(dynamoDb, environment), clock)));
        factories.put(handler(SchemaHandler.class), Factory.route(environment ->
                new SchemaHandler(Wiring.schemaReader(dynamoDb, environment), clock)));
        factories.put(handler(EventSchemaHandler.class), Factory.route(environment ->
                new EventSchemaHandler(Wiring.schemaReader(dynamoDb, environment), clock)));
        factories.put(handler(ExplorerHandler.class), Factory.route(environment ->
                new ExplorerHandler(ExplorerPage.load())));
        factories.put(handler(EraseCustomerHandler.class), Factory.route(environment ->
                new EraseCustomerHandler(Wiring.customerEraser(dynamoDb, environment), clock)));
        return factories;
    };

    private LocalHandlers() {
    }

    /** The Handler string of template.yaml that names this class. */
    static String handler(Class<?> handlerClass) {
        return handlerClass.getName() + METHOD;
    }
}
