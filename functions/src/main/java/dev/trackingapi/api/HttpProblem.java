package dev.trackingapi.api;

/**
 * A request that fails outside validation (no key, unreadable body, too large, nothing at that id), with the status and
 * error type it gets.
 */
public final class HttpProblem extends RuntimeException {
    private final int status;
    private final String type;

    private HttpProblem(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    public static HttpProblem badRequest(String message) {
        return new HttpProblem(400, "BadRequestError", message);
    }

    public static HttpProblem unauthenticated(String message) {
        return new HttpProblem(401, "AuthenticationError", message);
    }

    /** The key is valid but may not do this: 403, before anything is read or written. */
    public static HttpProblem forbidden(String message) {
        return new HttpProblem(403, "AuthorizationError", message);
    }

    /** What was asked for does not exist in the key's project: 404. */
    public static HttpProblem notFound(String message) {
        return new HttpProblem(404, "NotFoundError", message);
    }

    public static HttpProblem payloadTooLarge(String message) {
        return new HttpProblem(413, "PayloadTooLargeError", message);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }
}
