package dev.trackingapi.entrypoints;

import dev.trackingapi.service.EventTracker;
import dev.trackingapi.validation.EventRequestReader;
import dev.trackingapi.wiring.LambdaEnvironment;

import java.time.Clock;

/** POST /track/event: the same body as /track/event/v2 (the docs' own example posts here); attributes typed or flat. */
public final class TrackEventHandler extends EventEndpoint {
    public TrackEventHandler() {
        this(LambdaEnvironment.eventTracker(), Clock.systemUTC());
        LambdaEnvironment.primeEventFunction(this);
    }

    public TrackEventHandler(EventTracker tracker, Clock clock) {
        super(EventRequestReader.trackEvent(), tracker, clock);
    }
}
