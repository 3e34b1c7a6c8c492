package dev.trackingapi.entrypoints;

import dev.trackingapi.service.EventTracker;
import dev.trackingapi.validation.EventRequestReader;
import dev.trackingapi.wiring.LambdaEnvironment;

import java.time.Clock;

/** POST /rest-api/event: the non-Shopify event API; no time in the body, the event happens when it is received. */
public final class RestApiEventHandler extends EventEndpoint {
    public RestApiEventHandler() {
        this(LambdaEnvironment.eventTracker(), Clock.systemUTC());
        LambdaEnvironment.primeEventFunction(this);
    }

    public RestApiEventHandler(EventTracker tracker, Clock clock) {
        super(EventRequestReader.restApiEvent(), tracker, clock);
    }
}
