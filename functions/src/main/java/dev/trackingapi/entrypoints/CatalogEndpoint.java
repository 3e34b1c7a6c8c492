package dev.trackingapi.entrypoints;

import dev.trackingapi.api.ApiRequest;
import dev.trackingapi.model.Scope;
import dev.trackingapi.service.ProductCatalog;
import dev.trackingapi.validation.CatalogRequestReader;

import java.time.Clock;

/** A catalog route: the project's catalog, and the product's or collection's id in the path. */
abstract class CatalogEndpoint extends ApiEndpoint {
    final ProductCatalog catalog;

    CatalogEndpoint(Scope requiredScope, ProductCatalog catalog, Clock clock) {
        super(requiredScope, clock);
        this.catalog = catalog;
    }

    /** The id in the path, decoded once and checked by the body's rules (422 naming "id" otherwise). */
    static String pathId(ApiRequest request) {
        return CatalogRequestReader.pathId(request.pathParameter(CatalogRequestReader.ID));
    }
}
