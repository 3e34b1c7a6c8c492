package dev.trackingapi.entrypoints;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.trackingapi.api.ApiRequest;
import dev.trackingapi.api.ApiResponses;
import dev.trackingapi.api.HttpProblem;
import dev.trackingapi.model.Scope;
import dev.trackingapi.priming.CatalogRoute;
import dev.trackingapi.service.ProductCatalog;
import dev.trackingapi.wiring.LambdaEnvironment;

import java.time.Clock;

/** GET /product/{id}: the product and the ids of its collections; 404 for an unknown id. */
public final class GetProductHandler extends CatalogEndpoint {
    public GetProductHandler() {
        this(LambdaEnvironment.productCatalog(), Clock.systemUTC());
        LambdaEnvironment.primeCatalogFunction(this, CatalogRoute.GET_PRODUCT);
    }

    public GetProductHandler(ProductCatalog catalog, Clock clock) {
        super(Scope.READ, catalog, clock);
    }

    @Override
    APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String id = pathId(request);
        return ApiResponses.product(catalog.product(request.projectId(), id).orElseThrow(() ->
                HttpProblem.notFound("No product \"" + id + "\" in this project")));
    }
}
