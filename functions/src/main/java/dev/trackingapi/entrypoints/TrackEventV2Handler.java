package dev.trackingapi.entrypoints;

import dev.trackingapi.service.EventTracker;
import dev.trackingapi.validation.EventRequestReader;
import dev.trackingapi.wiring.LambdaEnvironment;

import java.time.Clock;

/** POST /track/event/v2: the Shopify event API of the docs, typed attributes (a flat object is accepted too). */
public final class TrackEventV2Handler extends EventEndpoint {
    public TrackEventV2Handler() {
        this(LambdaEnvironment.eventTracker(), Clock.systemUTC());
        LambdaEnvironment.primeEventFunction(this);
    }

    public TrackEventV2Handler(EventTracker tracker, Clock clock) {
        super(EventRequestReader.trackEvent(), tracker, clock);
    }
}
