package dev.trackingapi.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.reliability.RequestCorpus.Case;
import dev.trackingapi.reliability.RequestCorpus.Detail;
import dev.trackingapi.testing.ResponseContract;
import dev.trackingapi.testing.TrackingApi.Response;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a response to a corpus case must be: the documented contract, the case's status, and the case's problems. */
final class CorpusCheck {
    private CorpusCheck() {
    }

    /** What the response to a request must be: the case's own answer, or, for a batch item, the item's result. */
    static List<String> violations(RequestCorpus.Request request, Response response) {
        return request.batchItem() ? itemViolations(request.source(), response)
                : violations(request.source(), response);
    }

    /**
     * A case sent as the one item of a batch: a 200 whose one result is "stored" (nothing ignored) when the case is
     * tracked, or "rejected" with exactly the case's problems when it is a 422.
     */
    static List<String> itemViolations(Case expected, Response response) {
        List<String> violations = new ArrayList<>(ResponseContract.violations(response));
        if (response.status() != 200) {
            violations.add("a batch of one item must be answered 200, not " + response);
            return violations;
        }
        if (!violations.isEmpty()) {
            return violations;
        }
        JsonNode result = response.json().path("results").path(0);
        String status = result.path("status").asText();
        if (expected.status() == 200) {
            if (!result.toString().equals("{\"index\":0,\"status\":\"stored\"}")) {
                violations.add("expected the item stored with nothing ignored, got " + result);
            }
        } else if (!"rejected".equals(status)) {
            violations.add("expected the item rejected, got " + result);
        } else {
            details(expected, result.path("details"), violations);
        }
        return violations;
    }

    static List<String> violations(Case expected, Response response) {
        List<String> violations = new ArrayList<>(ResponseContract.violations(response));
        if (response.status() >= 500) {
            violations.add("a 5xx answered a request that was the client's problem");
        }
        if (response.status() != expected.status()) {
            violations.add("expected " + expected.status() + " but got " + response);
            return violations;
        }
        if (!violations.isEmpty() || expected.status() == 200) {
            return violations;
        }
        JsonNode body = response.json();
        if (expected.status() == 422) {
            details(expected, body.get("details"), violations);
        } else {
            String message = body.path("message").asText().toLowerCase(Locale.ROOT);
            for (String part : expected.messageParts()) {
                if (!message.contains(part.toLowerCase(Locale.ROOT))) {
                    violations.add("the message does not name \"" + part + "\": " + body.path("message").asText());
                }
            }
        }
        return violations;
    }

    private static void details(Case expected, JsonNode details, List<String> violations) {
        Map<String, List<String>> messagesByKey = new HashMap<>();
        for (JsonNode detail : details) {
            messagesByKey.computeIfAbsent(Detail.of(detail).key(), key -> new ArrayList<>())
                    .add(detail.path("message").asText());
        }
        if (expected.detailCount() != null) {
            if (details.size() != expected.detailCount()) {
                violations.add("expected " + expected.detailCount() + " problems listed, got " + details.size());
            }
        } else {
            List<String> actualKeys = new ArrayList<>();
            details.forEach(detail -> actualKeys.add(Detail.of(detail).key()));
            List<String> expectedKeys = expected.details().stream().map(Detail::key).sorted().toList();
            if (!actualKeys.stream().sorted().toList().equals(expectedKeys)) {
                violations.add("expected exactly the problems " + expectedKeys + " but got " + actualKeys);
            }
        }
        for (Detail detail : expected.details()) {
            List<String> messages = messagesByKey.get(detail.key());
            if (messages == null) {
                violations.add("missing the problem " + detail.key() + " in " + details);
            } else if (detail.message() != null && messages.stream().noneMatch(m -> m.contains(detail.message()))) {
                violations.add("the problem " + detail.key() + " does not say \"" + detail.message() + "\": " + messages);
            }
        }
    }
}
