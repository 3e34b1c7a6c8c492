package dev.trackingapi.entrypoints;

import dev.trackingapi.domain.EventRequestReader;
import dev.trackingapi.service.EventTracker;

import java.time.Clock;

/** POST /rest-api/event: the non-Shopify event API; no time in the body, the event happens when it is received. */
public final class RestApiEventHandler extends EventEndpoint {
    public RestApiEventHandler() {
        super(EventRequestReader.restApiEvent());
    }

    public RestApiEventHandler(EventTracker tracker, Clock clock) {
        super(EventRequestReader.restApiEvent(), tracker, clock);
    }
}
