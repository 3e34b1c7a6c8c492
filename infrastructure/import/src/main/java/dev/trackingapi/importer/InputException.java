package dev.trackingapi.importer;

/**
 * The import cannot start, said in one message: bad arguments or unusable files (exit code 2), or input that the
 * rules refuse before anything is sent, such as a CSV file with a bad cell (exit code 1).
 */
final class InputException extends RuntimeException {
    static final int USAGE = 2;
    static final int REJECTED = 1;

    private final int exitCode;

    private InputException(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    InputException(String message) {
        this(message, USAGE);
    }

    /** Input refused as a whole before anything was sent. */
    static InputException rejected(String message) {
        return new InputException(message, REJECTED);
    }

    int exitCode() {
        return exitCode;
    }
}
