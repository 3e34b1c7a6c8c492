package dev.trackingapi.entrypoints;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.trackingapi.api.ApiRequest;
import dev.trackingapi.api.ApiResponses;
import dev.trackingapi.model.Scope;
import dev.trackingapi.priming.CatalogRoute;
import dev.trackingapi.service.ProductCatalog;
import dev.trackingapi.validation.CatalogRequestReader;
import dev.trackingapi.wiring.LambdaEnvironment;

import java.time.Clock;

/** POST /collection: creates the collection or replaces it with what is sent; its products stay mapped. */
public final class UpsertCollectionHandler extends CatalogEndpoint {
    public UpsertCollectionHandler() {
        this(LambdaEnvironment.productCatalog(), Clock.systemUTC());
        LambdaEnvironment.primeCatalogFunction(this, CatalogRoute.UPSERT_COLLECTION);
    }

    public UpsertCollectionHandler(ProductCatalog catalog, Clock clock) {
        super(Scope.TRACK, catalog, clock);
    }

    @Override
    APIGatewayV2HTTPResponse handle(ApiRequest request) {
        catalog.upsertCollection(request.projectId(), CatalogRequestReader.collection(request.jsonBody()),
                request.receivedAt(), request.deadline());
        return ApiResponses.success();
    }
}
