package dev.trackingapi.entrypoints;

import dev.trackingapi.model.CatalogKind;
import dev.trackingapi.priming.CatalogRoute;
import dev.trackingapi.service.ProductCatalog;
import dev.trackingapi.wiring.LambdaEnvironment;

import java.time.Clock;

/** DELETE /collection/{id}: removes the collection and its mappings; its products stay. Idempotent. */
public final class DeleteCollectionHandler extends DeleteEndpoint {
    public DeleteCollectionHandler() {
        this(LambdaEnvironment.productCatalog(), Clock.systemUTC());
        LambdaEnvironment.primeCatalogFunction(this, CatalogRoute.DELETE_COLLECTION);
    }

    public DeleteCollectionHandler(ProductCatalog catalog, Clock clock) {
        super(CatalogKind.COLLECTION, catalog, clock);
    }
}
