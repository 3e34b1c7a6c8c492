package dev.trackingapi.entrypoints;

import dev.trackingapi.domain.Limits;
import dev.trackingapi.service.CustomerTracker;

import java.time.Clock;

/** POST /rest-api/customer: the non-Shopify customer API; typed attributes (flat accepted), at most 100 custom in a profile. */
public final class RestApiCustomerHandler extends CustomerEndpoint {
    public RestApiCustomerHandler() {
        super(Limits.MAX_CUSTOM_ATTRIBUTES_REST_CUSTOMER);
    }

    public RestApiCustomerHandler(CustomerTracker tracker, Clock clock) {
        super(Limits.MAX_CUSTOM_ATTRIBUTES_REST_CUSTOMER, tracker, clock);
    }
}
