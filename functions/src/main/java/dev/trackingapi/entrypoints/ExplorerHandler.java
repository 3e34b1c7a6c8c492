package dev.trackingapi.entrypoints;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.trackingapi.api.ApiResponses;
import dev.trackingapi.api.ExplorerPage;
import dev.trackingapi.wiring.LambdaEnvironment;

/**
 * GET /explorer: the data explorer, one page that reads the project's data through the GET routes with a key the
 * user pastes into it. The page holds no data and no key, so the route needs none (its data calls do); the page is
 * built once per execution environment.
 */
public final class ExplorerHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final ExplorerPage page;

    public ExplorerHandler() {
        this(ExplorerPage.load());
        LambdaEnvironment.primeExplorer(this);
    }

    public ExplorerHandler(ExplorerPage page) {
        this.page = page;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return ApiResponses.page(page.html(), page.headers());
    }
}
