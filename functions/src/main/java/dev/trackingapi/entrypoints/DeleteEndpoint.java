package dev.trackingapi.entrypoints;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.trackingapi.api.ApiRequest;
import dev.trackingapi.api.ApiResponses;
import dev.trackingapi.model.CatalogKind;
import dev.trackingapi.model.Scope;
import dev.trackingapi.service.ProductCatalog;

import java.time.Clock;

/**
 * DELETE of a catalog entry: 200 when it is gone (an unknown id is gone already), 202 when its deadline came before
 * every mapping was removed; the same DELETE again resumes.
 */
abstract class DeleteEndpoint extends CatalogEndpoint {
    private final CatalogKind kind;

    DeleteEndpoint(CatalogKind kind, ProductCatalog catalog, Clock clock) {
        super(Scope.TRACK, catalog, clock);
        this.kind = kind;
    }

    @Override
    final APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String id = pathId(request);
        return catalog.delete(kind, request.projectId(), id, request.receivedAt(), request.deadline())
                ? ApiResponses.success() : ApiResponses.deletionInProgress(kind, id);
    }
}
