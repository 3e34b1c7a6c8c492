package dev.trackingapi.store;

/** The write would make an item larger than DynamoDB stores (400 KB): the request cannot succeed as sent. */
public final class StoredItemTooLargeException extends RuntimeException {
    public StoredItemTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }
}
