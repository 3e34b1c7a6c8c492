package dev.trackingapi.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.trackingapi.model.Attribute;
import dev.trackingapi.model.AttributeType;
import dev.trackingapi.model.IgnoredAttribute;
import dev.trackingapi.model.TrackingResult;
import dev.trackingapi.validation.JsonPath;
import dev.trackingapi.validation.Problems;
import dev.trackingapi.validation.RequestValidationException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ApiResponsesTest {

    private static JsonNode json(APIGatewayV2HTTPResponse response) throws IOException {
        return Json.MAPPER.readTree(response.getBody());
    }

    @Test
    void success_isTheDocumentedBody() {
        APIGatewayV2HTTPResponse response = ApiResponses.success(TrackingResult.of(List.of()));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("{\"success\":true}");
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
    }

    @Test
    void ignoredAttributes_areListedAsDocumented() throws IOException {
        Attribute amount = new Attribute("Amount", AttributeType.STRING, TextNode.valueOf("x"));

        APIGatewayV2HTTPResponse response = ApiResponses.success(TrackingResult.of(List.of(
                IgnoredAttribute.typeMismatch(amount, AttributeType.NUMBER),
                IgnoredAttribute.limitExceeded(amount, 50))));

        assertThat(json(response)).isEqualTo(Json.MAPPER.readTree("{\"success\":true,\"ignored\":["
                + "{\"attribute\":\"Amount\",\"reason\":\"type_mismatch\",\"registeredType\":\"number\",\"receivedType\":\"string\"},"
                + "{\"attribute\":\"Amount\",\"reason\":\"attribute_limit_exceeded\",\"receivedType\":\"string\",\"limit\":50}]}"));
    }

    @Test
    void validationErrors_areJoiStyle() throws IOException {
        Problems problems = new Problems();
        problems.add(JsonPath.root().field("attributes").index(3).field("type"), "any.only", "must be one of [a, b]",
                "colour", java.util.Map.of("valids", List.of("a", "b")));
        RequestValidationException e = catchThrowableOfType(RequestValidationException.class, problems::throwIfAny);

        JsonNode body = json(ApiResponses.validationError(e));

        assertThat(body).isEqualTo(Json.MAPPER.readTree("{\"type\":\"ValidationError\",\"details\":[{"
                + "\"message\":\"attributes[3].type must be one of [a, b]\",\"path\":[\"attributes\",3,\"type\"],"
                + "\"type\":\"any.only\",\"context\":{\"label\":\"attributes[3].type\",\"key\":\"type\","
                + "\"value\":\"colour\",\"valids\":[\"a\",\"b\"]}}]}"));
        assertThat(ApiResponses.validationError(e).getStatusCode()).isEqualTo(422);
    }

    @Test
    void problemsBeyondTheListedOnes_areCounted() throws IOException {
        Problems problems = new Problems();
        for (int i = 0; i < Problems.MAX_LISTED + 7; i++) {
            problems.add(JsonPath.root().index(i), "any.invalid", "is wrong");
        }
        RequestValidationException e = catchThrowableOfType(RequestValidationException.class, problems::throwIfAny);

        JsonNode details = json(ApiResponses.validationError(e)).get("details");

        assertThat(details).hasSize(Problems.MAX_LISTED + 1);
        assertThat(details.get(Problems.MAX_LISTED).get("message").asText()).startsWith("7 more problems");
    }

    @Test
    void whatAClientSentIsNeverEchoedAsAnUnpairedSurrogate_whichHasNoUtf8Form() throws IOException {
        Problems problems = new Problems();
        problems.add(JsonPath.root().field("attributes").field("k").field("\uD800"), "string.unicode", "has a bad key");
        problems.add(JsonPath.root().field("name"), "string.max", "is too long", "a" + "\uD83D\uDE00".repeat(60), java.util.Map.of());
        RequestValidationException e = catchThrowableOfType(RequestValidationException.class, problems::throwIfAny);

        APIGatewayV2HTTPResponse response = ApiResponses.validationError(e);

        assertThat(dev.trackingapi.validation.Texts.hasUnpairedSurrogate(response.getBody())).isFalse();
        JsonNode details = json(response).get("details");
        assertThat(details.get(0).get("path").get(2).textValue()).isEqualTo("\uFFFD");
        assertThat(details.get(0).get("message").textValue()).startsWith("attributes.k.\uFFFD ");
        assertThat(details.get(1).get("context").get("value").textValue())
                .as("shortened on a character boundary").isEqualTo("a" + "\uD83D\uDE00".repeat(49) + "…");
        assertThat(ApiResponses.error(400, "BadRequestError", "Duplicate field '\uDC00'").getBody())
                .contains("Duplicate field '\uFFFD'");
    }

    @Test
    void unavailable_is503WithRetryAfter() throws IOException {
        APIGatewayV2HTTPResponse response = ApiResponses.unavailable();

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("retry-after", "1");
        assertThat(json(response).get("type").asText()).isEqualTo("ServiceUnavailableError");
    }

    @Test
    void internalErrors_carryOnlyARequestId() throws IOException {
        JsonNode body = json(ApiResponses.internalError("req-1"));

        assertThat(body.get("requestId").asText()).isEqualTo("req-1");
        assertThat(body.toString()).doesNotContain("Exception").doesNotContain("at dev.");
    }

    @Test
    void aBatchAnswer_tooLargeForLambda_countsTheListsOfItsLastItems_andKeepsEveryResult() throws IOException {
        List<BatchItemResult> results = new java.util.ArrayList<>();
        String longValue = "é".repeat(300);
        for (int i = 0; i < 1000; i++) {
            Problems problems = new Problems();
            for (int p = 0; p < 20; p++) {
                problems.add(JsonPath.root().field("attributes").field("a" + p), "string.base", "must be a string "
                        + longValue, longValue, java.util.Map.of());
            }
            RequestValidationException invalid = catchThrowableOfType(RequestValidationException.class,
                    problems::throwIfAny);
            results.add(i % 2 == 0 ? BatchItemResult.rejected(i, invalid.problems(), 3)
                    : BatchItemResult.stored(i, TrackingResult.of(List.of(IgnoredAttribute.typeMismatch(
                    new Attribute("Amount", AttributeType.STRING, TextNode.valueOf("x")), AttributeType.NUMBER)))));
        }

        APIGatewayV2HTTPResponse response = ApiResponses.batch(results);

        assertThat(ApiResponses.sizeInLambdaAnswer(response.getBody()))
                .isLessThanOrEqualTo(ApiResponses.MAX_BATCH_ANSWER_IN_LAMBDA);
        JsonNode body = json(response);
        assertThat(body.get("results")).hasSize(1000);
        assertThat(body.get("rejected").intValue()).isEqualTo(500);
        JsonNode first = body.get("results").get(0);
        assertThat(first.get("details")).as("the first items keep their lists").hasSize(21);
        JsonNode lastRejected = body.get("results").get(998);
        assertThat(lastRejected.get("details")).singleElement().satisfies(detail -> {
            assertThat(detail.get("type").textValue()).isEqualTo("any.truncated");
            assertThat(detail.get("message").textValue()).startsWith("value has 23 problems, not listed");
        });
        assertThat(body.get("results").get(999).toString())
                .isEqualTo("{\"index\":999,\"status\":\"stored\",\"ignoredNotListed\":1}");
        assertThat(body.get("results").get(1).get("ignored")).hasSize(1);
    }

    @Test
    void aBatchAnswer_withAnUnavailableItem_saysWhenToRetry() {
        APIGatewayV2HTTPResponse response = ApiResponses.batch(List.of(
                BatchItemResult.stored(0, TrackingResult.of(List.of())), BatchItemResult.unavailable(1)));

        assertThat(response.getBody()).isEqualTo("{\"success\":false,\"stored\":1,\"rejected\":0,\"unavailable\":1,"
                + "\"results\":[{\"index\":0,\"status\":\"stored\"},{\"index\":1,\"status\":\"unavailable\"}]}");
        assertThat(response.getHeaders()).containsEntry("retry-after", ApiResponses.RETRY_AFTER_SECONDS);
    }
}
