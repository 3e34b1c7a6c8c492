package dev.trackingapi.store.dynamodb;

/**
 * The partition key of everything stored per customer, in the customers and the events tables: "{project}#{customer
 * id}". Project ids never contain '#', so a key has one reading, whatever the customer id holds.
 */
public final class CustomerPartition {
    private CustomerPartition() {
    }

    public static String of(String projectId, String customerId) {
        return projectId + "#" + customerId;
    }
}
