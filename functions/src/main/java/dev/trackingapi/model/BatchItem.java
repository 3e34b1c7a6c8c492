package dev.trackingapi.model;

/** A validated item of a batch: an event or a customer upsert, each of one customer. */
public sealed interface BatchItem {

    /** The customer the item is about: items of one customer are applied in batch order. */
    String customerId();

    /** An event, as POST /track/event/v2 takes it. */
    record Event(EventRequest request) implements BatchItem {
        @Override
        public String customerId() {
            return request.customerId();
        }
    }

    /** A customer upsert, as POST /track/user takes it. */
    record Customer(CustomerRequest request) implements BatchItem {
        @Override
        public String customerId() {
            return request.customerId();
        }
    }
}
