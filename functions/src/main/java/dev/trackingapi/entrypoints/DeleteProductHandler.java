package dev.trackingapi.entrypoints;

import dev.trackingapi.model.CatalogKind;
import dev.trackingapi.priming.CatalogRoute;
import dev.trackingapi.service.ProductCatalog;
import dev.trackingapi.wiring.LambdaEnvironment;

import java.time.Clock;

/** DELETE /product/{id}: removes the product and every mapping of it; idempotent. */
public final class DeleteProductHandler extends DeleteEndpoint {
    public DeleteProductHandler() {
        this(LambdaEnvironment.productCatalog(), Clock.systemUTC());
        LambdaEnvironment.primeCatalogFunction(this, CatalogRoute.DELETE_PRODUCT);
    }

    public DeleteProductHandler(ProductCatalog catalog, Clock clock) {
        super(CatalogKind.PRODUCT, catalog, clock);
    }
}
