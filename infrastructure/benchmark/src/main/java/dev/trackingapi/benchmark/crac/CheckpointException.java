package dev.trackingapi.benchmark.crac;

public class CheckpointException extends Exception {
    public CheckpointException(Throwable cause) {
        super(cause);
    }
}
