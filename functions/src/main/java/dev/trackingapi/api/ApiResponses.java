package dev.trackingapi.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    private static final String TRUNCATED = "any.truncated";
    /**
     * What the body of a batch's answer may take in Lambda's answer ({@link #sizeInLambdaAnswer}): Lambda's limit,
     * 6,291,456 bytes, less room for the status and headers around the body.
     */
    public static final long MAX_BATCH_ANSWER_IN_LAMBDA = 6_000_000;

    private ApiResponses() {
    }

    /** {"success":true}, with the attributes that were not applied when there are any. */
    public static APIGatewayV2HTTPResponse success(TrackingResult result) {
        if (result.ignored().isEmpty()) {
            return response(200, SUCCESS, JSON_HEADERS);
        }
        ObjectNode body = JsonNodes.FACTORY.objectNode().put("success", true);
        ignored(body.putArray("ignored"), result.ignored());
        return response(200, write(body), JSON_HEADERS);
    }

    private static void ignored(ArrayNode entries, List<IgnoredAttribute> ignored) {
        for (IgnoredAttribute attribute : ignored) {
            ObjectNode entry = entries.addObject()
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
    }

    /**
     * 200 with one result per item, in order: {"success", "stored", "rejected", "unavailable", "results"}, success
     * being true only when every item was stored; Retry-After when any item is unavailable. The answer always fits
     * Lambda's response limit: should the full lists of the items' problems and ignored attributes make it larger
     * than {@link #MAX_BATCH_ANSWER_IN_LAMBDA} (only a batch of many items with very many of them can), the lists of
     * the last items are replaced by their counts until it fits. What was stored is the same either way.
     */
    public static APIGatewayV2HTTPResponse batch(List<BatchItemResult> results) {
        int[] counts = new int[BatchItemResult.Status.values().length];
        String[] rendered = new String[results.size()];
        long[] sizes = new long[results.size()];
        for (int i = 0; i < results.size(); i++) {
            counts[results.get(i).status().ordinal()]++;
        }
        int stored = counts[BatchItemResult.Status.STORED.ordinal()];
        int unavailable = counts[BatchItemResult.Status.UNAVAILABLE.ordinal()];
        String head = "{\"success\":" + (stored == results.size()) + ",\"stored\":" + stored + ",\"rejected\":"
                + counts[BatchItemResult.Status.REJECTED.ordinal()] + ",\"unavailable\":" + unavailable
                + ",\"results\":[";
        long total = sizeInLambdaAnswer(head) + 2 + Math.max(0, results.size() - 1);
        for (int i = 0; i < results.size(); i++) {
            rendered[i] = write(result(results.get(i), false));
            sizes[i] = sizeInLambdaAnswer(rendered[i]);
            total += sizes[i];
        }
        for (int i = results.size() - 1; i >= 0 && total > MAX_BATCH_ANSWER_IN_LAMBDA; i--) {
            String counted = write(result(results.get(i), true));
            total += sizeInLambdaAnswer(counted) - sizes[i];
            rendered[i] = counted;
        }
        return response(200, head + String.join(",", rendered) + "]}", unavailable > 0 ? RETRY_HEADERS : JSON_HEADERS);
    }

    private static ObjectNode result(BatchItemResult result, boolean countsOnly) {
        ObjectNode node = JsonNodes.FACTORY.objectNode()
                .put("index", result.index())
                .put("status", result.status().wireName());
        if (result.status() == BatchItemResult.Status.STORED && !result.ignored().isEmpty()) {
            if (countsOnly) {
                node.put("ignoredNotListed", result.ignored().size());
            } else {
                ignored(node.putArray("ignored"), result.ignored());
            }
        } else if (result.status() == BatchItemResult.Status.REJECTED) {
            if (countsOnly) {
                node.putArray("details").addObject()
                        .put("message", "value has " + (result.details().size() + result.unlisted())
                                + " problems, not listed: the answer to this batch would pass Lambda's 6 MB response"
                                + " limit. Send the item alone to see them.")
                        .put("type", TRUNCATED)
                        .putArray("path");
            } else {
                details(node.putArray("details"), result.details(), result.unlisted());
            }
        }
        return node;
    }

    /**
     * What a body takes in Lambda's answer, where the runtime writes it as a JSON string: quotes and backslashes
     * doubled, and, to be safe whatever the serializer escapes, every other character than ASCII as a
     * &#92;uXXXX escape (6 bytes per UTF-16 unit).
     */
    static long sizeInLambdaAnswer(String body) {
        long size = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            size += c == '"' || c == '\\' ? 2 : c < 0x20 || c >= 0x80 ? 6 : 1;
        }
        return size;
    }

    /** 422 with the Joi-style body: {"type":"ValidationError","details":[{message, path, type, context}]}. */
    public static APIGatewayV2HTTPResponse validationError(RequestValidationException e) {
        return validationError(e.problems(), e.unlistedProblems());
    }

    public static APIGatewayV2HTTPResponse validationError(List<ValidationProblem> problems, int unlisted) {
        ObjectNode body = JsonNodes.FACTORY.objectNode().put("type", "ValidationError");
        details(body.putArray("details"), problems, unlisted);
        return response(422, write(body), JSON_HEADERS);
    }

    private static void details(ArrayNode details, List<ValidationProblem> problems, int unlisted) {
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
                    .put("type", TRUNCATED)
                    .putArray("path");
        }
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
