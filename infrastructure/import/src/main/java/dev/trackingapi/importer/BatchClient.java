package dev.trackingapi.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** POST /track/batch over HTTP, the key in x-growlytics-key (and nowhere else). */
final class BatchClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The batch function runs at most 10 s, and API Gateway waits at most 30 s for it: this is well beyond both. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(65);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI endpoint;
    private final String key;

    BatchClient(URI endpoint, String key) {
        this.endpoint = endpoint;
        this.key = key;
    }

    /**
     * What the API answered: its status and JSON body, or, when no answer came (connection refused, timeout), status
     * 0 and what happened.
     */
    record Answer(int status, JsonNode body, Optional<Duration> retryAfter, String failure) {
        boolean retryable() {
            return status == 0 || status == 429 || status >= 500;
        }

        /** What went wrong, for a message: the API's own message when it gave one. */
        String describe() {
            if (status == 0) {
                return failure;
            }
            String message = body == null ? "" : body.path("message").asText("");
            if (message.isEmpty() && body != null && body.has("details")) {
                message = body.get("details").path(0).path("message").asText("");
            }
            return status + (message.isEmpty() ? "" : " " + message);
        }
    }

    Answer post(byte[] batch) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(REQUEST_TIMEOUT)
                .header("content-type", "application/json")
                .header("x-growlytics-key", key)
                .header("user-agent", "tracking-import")
                .POST(HttpRequest.BodyPublishers.ofByteArray(batch))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Answer(0, null, Optional.empty(), "no answer from " + endpoint + " ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException notJson) {
            body = null;
        }
        return new Answer(response.statusCode(), body,
                response.headers().firstValue("retry-after").flatMap(BatchClient::retryAfter), null);
    }

    /** Retry-After in seconds, or as an HTTP date. */
    static Optional<Duration> retryAfter(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
