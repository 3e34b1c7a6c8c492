package dev.trackingapi.benchmark.crac;

public class RestoreException extends Exception {
    public RestoreException(Throwable cause) {
        super(cause);
    }
}
