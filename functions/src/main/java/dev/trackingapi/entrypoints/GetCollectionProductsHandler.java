package dev.trackingapi.entrypoints;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.trackingapi.api.ApiRequest;
import dev.trackingapi.api.ApiResponses;
import dev.trackingapi.api.Cursors;
import dev.trackingapi.api.HttpProblem;
import dev.trackingapi.model.ProductPage;
import dev.trackingapi.model.Scope;
import dev.trackingapi.priming.CatalogRoute;
import dev.trackingapi.service.ProductCatalog;
import dev.trackingapi.validation.CatalogRequestReader;
import dev.trackingapi.validation.Problems;
import dev.trackingapi.wiring.LambdaEnvironment;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * GET /collection/{id}/products?limit=&cursor=: the collection and a page of its products in id order, with the cursor
 * of the next page; 404 for an unknown collection.
 */
public final class GetCollectionProductsHandler extends CatalogEndpoint {
    public GetCollectionProductsHandler() {
        this(LambdaEnvironment.productCatalog(), Clock.systemUTC());
        LambdaEnvironment.primeCatalogFunction(this, CatalogRoute.LIST_PRODUCTS);
    }

    public GetCollectionProductsHandler(ProductCatalog catalog, Clock clock) {
        super(Scope.READ, catalog, clock);
    }

    @Override
    APIGatewayV2HTTPResponse handle(ApiRequest request) {
        Problems problems = new Problems();
        String id = CatalogRequestReader.pathId(request.pathParameter(CatalogRequestReader.ID), problems);
        int limit = CatalogRequestReader.pageSize(request.queryParameter(CatalogRequestReader.LIMIT), problems);
        String cursor = request.queryParameter(CatalogRequestReader.CURSOR);
        List<String> listing = Arrays.asList("GET /collection/{id}/products", request.projectId(), id);
        String after = cursor == null ? null : Cursors.read(cursor, CatalogRequestReader.CURSOR, listing, problems);
        problems.throwIfAny();
        ProductPage page = catalog.products(request.projectId(), id, limit, after).orElseThrow(() ->
                HttpProblem.notFound("No collection \"" + id + "\" in this project"));
        return ApiResponses.products(page, page.lastProductId() == null ? null
                : Cursors.issue(page.lastProductId(), listing));
    }
}
