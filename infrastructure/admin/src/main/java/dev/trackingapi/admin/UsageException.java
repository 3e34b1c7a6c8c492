package dev.trackingapi.admin;

/** Arguments that cannot work together: reported in one line with exit code 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message, null, false, false);
    }
}
