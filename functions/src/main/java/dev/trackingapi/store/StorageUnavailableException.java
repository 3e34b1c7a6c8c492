package dev.trackingapi.store;

/** Storage is temporarily unable to serve (throttling, timeouts, 5xx after the SDK's retries): the client should retry. */
public final class StorageUnavailableException extends RuntimeException {
    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
