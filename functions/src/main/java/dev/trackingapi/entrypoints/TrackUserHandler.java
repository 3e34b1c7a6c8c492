package dev.trackingapi.entrypoints;

import dev.trackingapi.service.CustomerTracker;
import dev.trackingapi.validation.Limits;
import dev.trackingapi.wiring.LambdaEnvironment;

import java.time.Clock;

/** POST /track/user: the Shopify customer API of the docs; attributes as a flat object (typed array accepted), at most 50 custom in a profile. */
public final class TrackUserHandler extends CustomerEndpoint {
    public TrackUserHandler() {
        this(LambdaEnvironment.customerTracker(), Clock.systemUTC());
        LambdaEnvironment.primeCustomerFunction(this);
    }

    public TrackUserHandler(CustomerTracker tracker, Clock clock) {
        super(Limits.MAX_CUSTOM_ATTRIBUTES_TRACK_USER, tracker, clock);
    }
}
