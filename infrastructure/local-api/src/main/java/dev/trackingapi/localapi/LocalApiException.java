package dev.trackingapi.localapi;

/** A problem the user can fix (a flag, a port, a directory, the template): reported as one line, exit code 1. */
final class LocalApiException extends RuntimeException {
    LocalApiException(String message) {
        super(message, null, false, false);
    }

    LocalApiException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
