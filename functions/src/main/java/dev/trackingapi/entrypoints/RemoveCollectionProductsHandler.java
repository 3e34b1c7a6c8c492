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

/** POST /collection/{id}/products/remove: unmaps products from the collection; unmapping what is not mapped is fine. */
public final class RemoveCollectionProductsHandler extends CatalogEndpoint {
    public RemoveCollectionProductsHandler() {
        this(LambdaEnvironment.productCatalog(), Clock.systemUTC());
        LambdaEnvironment.primeCatalogFunction(this, CatalogRoute.REMOVE_PRODUCTS);
    }

    public RemoveCollectionProductsHandler(ProductCatalog catalog, Clock clock) {
        super(Scope.TRACK, catalog, clock);
    }

    @Override
    APIGatewayV2HTTPResponse handle(ApiRequest request) {
        CatalogRequestReader.MappingRequest mapping = CatalogRequestReader.mapping(
                request.pathParameter(CatalogRequestReader.ID), request.jsonBody());
        catalog.removeProducts(request.projectId(), mapping.collectionId(), mapping.productIds());
        return ApiResponses.success();
    }
}
