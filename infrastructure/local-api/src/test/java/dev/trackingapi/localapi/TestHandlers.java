package dev.trackingapi.localapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.trackingapi.wiring.Wiring;

import java.util.Map;

/** The handlers of test-functions.yaml, beside those of template.yaml; and the local API's command with them. */
final class TestHandlers {
    static final LocalHandlers.Catalogue ALL = LocalHandlers.TEMPLATE.and((dynamoDb, clock) -> Map.of(
            LocalHandlers.handler(EchoHandler.class), LocalHandlers.Factory.route(environment -> new EchoHandler()),
            LocalHandlers.handler(RawResultHandler.class), LocalHandlers.Factory.of(APIGatewayV2HTTPEvent.class,
                    Map.class, environment -> new RawResultHandler()),
            LocalHandlers.handler(FailingHandler.class), LocalHandlers.Factory.route(environment -> new FailingHandler()),
            LocalHandlers.handler(SlowTrackEventHandler.class), LocalHandlers.Factory.route(environment ->
                    new SlowTrackEventHandler(Wiring.eventTracker(dynamoDb, environment), clock))));

    private TestHandlers() {
    }

    /** The local API's command, able to run the test functions too (for tests that start it as a process). */
    public static void main(String[] args) throws InterruptedException {
        LocalApiMain.run(args, ALL);
    }
}
