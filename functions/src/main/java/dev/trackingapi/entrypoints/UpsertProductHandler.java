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

/** POST /product: creates the product or replaces it with what is sent (the vendor's product sync). */
public final class UpsertProductHandler extends CatalogEndpoint {
    public UpsertProductHandler() {
        this(LambdaEnvironment.productCatalog(), Clock.systemUTC());
        LambdaEnvironment.primeCatalogFunction(this, CatalogRoute.UPSERT_PRODUCT);
    }

    public UpsertProductHandler(ProductCatalog catalog, Clock clock) {
        super(Scope.TRACK, catalog, clock);
    }

    @Override
    APIGatewayV2HTTPResponse handle(ApiRequest request) {
        catalog.upsertProduct(request.projectId(), CatalogRequestReader.product(request.jsonBody()),
                request.receivedAt(), request.deadline());
        return ApiResponses.success();
    }
}
