package dev.trackingapi.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trackingapi.model.Erasure;
import dev.trackingapi.model.ErasureCounts;
import dev.trackingapi.model.IgnoredAttribute;
import dev.trackingapi.model.JsonNodes;
import dev.trackingapi.model.TrackingResult;
import dev.trackingapi.validation.Problems;
import dev.trackingapi.validation.RequestValidationException;
import dev.trackingapi.validation.Texts;
import dev.trackingapi.validation.ValidationProblem;

import java.util.List;
import java.util.Map;

/** Every response body the API sends, in one place and one JSON shape per kind. */
public final class ApiResponses {
    public static final String RETRY_AFTER_SECONDS = "1";
    private static final Map<String, String> JSON_HEADERS = Map.of("content-type", "application/json");
    private static final Map<String, String> RETRY_HEADERS =
            Map.of("content-type", "application/json", "retry-after", RETRY_AFTER_SECONDS);
    private static final String SUCCESS = "{\"success\":true}";

    private ApiResponses() {
    }

    /** {"success":true}, with the attributes that were not applied when there are any. */
    public static APIGatewayV2HTTPResponse success(TrackingResult result) {
        if (result.ignored().isEmpty()) {
            return response(200, SUCCESS, JSON_HEADERS);
        }
        ObjectNode body = JsonNodes.FACTORY.objectNode().put("success", true);
        ArrayNode ignored = body.putArray("ignored");
        for (IgnoredAttribute attribute : result.ignored()) {
            ObjectNode entry = ignored.addObject()
                    .put("attribute", attribute.attribute())
                    .put("reason", attribute.reason().code());
            if (attribute.registeredType() != null) {
                entry.put("registeredType", attribute.registeredType().wireName());
            }
            entry.put("receivedType", attribute.receivedType().wireName());
            if (attribute.limit() != null) {
                entry.put("limit", attribute.limit());
            }
        }
        return response(200, write(body), JSON_HEADERS);
    }

    /**
     * An erasure: 200 when complete, 202 (with Retry-After) when the function's time ran out first and calling again
     * goes on: {"success":true,"complete":…,"erased":{"profile":…,"events":…,"other":…},"receipt":"er_…"}.
     */
    public static APIGatewayV2HTTPResponse erasure(Erasure erasure) {
        ErasureCounts erased = erasure.receipt().erased();
        ObjectNode body = JsonNodes.FACTORY.objectNode()
                .put("success", true)
                .put("complete", erasure.complete());
        body.putObject("erased")
                .put("profile", erased.profile())
                .put("events", erased.events())
                .put("other", erased.other());
        body.put("receipt", erasure.receipt().receiptId());
        if (erasure.complete()) {
            return response(200, write(body), JSON_HEADERS);
        }
        long seconds = Math.max(1, (erasure.retryAfter().toMillis() + 999) / 1000);
        return response(202, write(body), Map.of("content-type", "application/json",
                "retry-after", Long.toString(seconds)));
    }

    /** 422 with the Joi-style body: {"type":"ValidationError","details":[{message, path, type, context}]}. */
    public static APIGatewayV2HTTPResponse validationError(RequestValidationException e) {
        return validationError(e.problems(), e.unlistedProblems());
    }

    public static APIGatewayV2HTTPResponse validationError(List<ValidationProblem> problems, int unlisted) {
        ObjectNode body = JsonNodes.FACTORY.objectNode().put("type", "ValidationError");
        ArrayNode details = body.putArray("details");
        for (ValidationProblem problem : problems) {
            ObjectNode detail = details.addObject().put("message", problem.message());
            ArrayNode path = detail.putArray("path");
            for (Object step : problem.path()) {
                if (step instanceof Integer index) {
                    path.add(index);
                } else {
                    path.add(String.valueOf(step));
                }
            }
            detail.put("type", problem.type());
            detail.set("context", JsonCodec.treeOf(problem.context()));
        }
        if (unlisted > 0) {
            details.addObject()
                    .put("message", unlisted + " more problems are not listed (at most " + Problems.MAX_LISTED
                            + " are)")
                    .put("type", "any.truncated")
                    .putArray("path");
        }
        return response(422, write(body), JSON_HEADERS);
    }

    public static APIGatewayV2HTTPResponse problem(HttpProblem problem) {
        return error(problem.status(), problem.type(), problem.getMessage());
    }

    /** 503: temporary; the client should retry after Retry-After seconds, and a retry never duplicates an event. */
    public static APIGatewayV2HTTPResponse unavailable() {
        ObjectNode body = JsonNodes.FACTORY.objectNode()
                .put("type", "ServiceUnavailableError")
                .put("message", "Storage is temporarily unavailable; retry after " + RETRY_AFTER_SECONDS
                        + " second(s). Retries never create a second copy of an event.");
        return response(503, write(body), RETRY_HEADERS);
    }

    /** 500: never the cause in the body, only a request id to find it in the logs. */
    public static APIGatewayV2HTTPResponse internalError(String requestId) {
        ObjectNode body = JsonNodes.FACTORY.objectNode()
                .put("type", "InternalError")
                .put("message", "The request could not be processed; nothing was acknowledged. Quote the requestId"
                        + " when reporting this.")
                .put("requestId", requestId);
        return response(500, write(body), JSON_HEADERS);
    }

    public static APIGatewayV2HTTPResponse error(int status, String type, String message) {
        ObjectNode body = JsonNodes.FACTORY.objectNode().put("type", type).put("message", message);
        return response(status, write(body), JSON_HEADERS);
    }

    private static APIGatewayV2HTTPResponse response(int status, String body, Map<String, String> headers) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(Texts.withoutUnpairedSurrogates(body))
                .withIsBase64Encoded(false)
                .build();
    }

    private static String write(ObjectNode body) {
        return JsonCodec.write(body);
    }
}
