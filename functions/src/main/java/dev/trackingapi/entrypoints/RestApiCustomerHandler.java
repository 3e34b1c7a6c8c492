package dev.trackingapi.entrypoints;

import dev.trackingapi.service.CustomerTracker;
import dev.trackingapi.validation.Limits;
import dev.trackingapi.wiring.LambdaEnvironment;

import java.time.Clock;

/** POST /rest-api/customer: the non-Shopify customer API; typed attributes (flat accepted), at most 100 custom in a profile. */
public final class RestApiCustomerHandler extends CustomerEndpoint {
    public RestApiCustomerHandler() {
        this(LambdaEnvironment.customerTracker(), Clock.systemUTC());
        LambdaEnvironment.primeCustomerFunction(this);
    }

    public RestApiCustomerHandler(CustomerTracker tracker, Clock clock) {
        super(Limits.MAX_CUSTOM_ATTRIBUTES_REST_CUSTOMER, tracker, clock);
    }
}
