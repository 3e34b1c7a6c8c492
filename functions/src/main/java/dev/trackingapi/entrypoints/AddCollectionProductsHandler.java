package dev.trackingapi.entrypoints;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.trackingapi.api.ApiRequest;
import dev.trackingapi.api.ApiResponses;
import dev.trackingapi.model.MappingOutcome;
import dev.trackingapi.model.Scope;
import dev.trackingapi.priming.CatalogRoute;
import dev.trackingapi.service.ProductCatalog;
import dev.trackingapi.validation.CatalogRequestReader;
import dev.trackingapi.wiring.LambdaEnvironment;

import java.time.Clock;

/**
 * POST /collection/{id}/products/add: maps products to the collection. The collection and every product must exist;
 * otherwise 422 lists each one that does not, and nothing is applied.
 */
public final class AddCollectionProductsHandler extends CatalogEndpoint {
    public AddCollectionProductsHandler() {
        this(LambdaEnvironment.productCatalog(), Clock.systemUTC());
        LambdaEnvironment.primeCatalogFunction(this, CatalogRoute.ADD_PRODUCTS);
    }

    public AddCollectionProductsHandler(ProductCatalog catalog, Clock clock) {
        super(Scope.TRACK, catalog, clock);
    }

    @Override
    APIGatewayV2HTTPResponse handle(ApiRequest request) {
        CatalogRequestReader.MappingRequest mapping = CatalogRequestReader.mapping(
                request.pathParameter(CatalogRequestReader.ID), request.jsonBody());
        MappingOutcome outcome = catalog.addProducts(request.projectId(), mapping.collectionId(), mapping.productIds(),
                request.receivedAt());
        if (!outcome.isApplied()) {
            CatalogRequestReader.refuseMissing(mapping, outcome);
        }
        return ApiResponses.success();
    }
}
