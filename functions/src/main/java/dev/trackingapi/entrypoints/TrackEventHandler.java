package dev.trackingapi.entrypoints;

import dev.trackingapi.domain.EventRequestReader;
import dev.trackingapi.service.EventTracker;

import java.time.Clock;

/** POST /track/event: the same body as /track/event/v2 (the docs' own example posts here); attributes typed or flat. */
public final class TrackEventHandler extends EventEndpoint {
    public TrackEventHandler() {
        super(EventRequestReader.trackEvent());
    }

    public TrackEventHandler(EventTracker tracker, Clock clock) {
        super(EventRequestReader.trackEvent(), tracker, clock);
    }
}
