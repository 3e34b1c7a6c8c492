package dev.trackingapi.store.dynamodb;

import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An HTTP client that sends nothing: it answers every DynamoDB call with the service's empty success (no item found,
 * nothing unprocessed, write accepted). A DynamoDB client built on it runs the SDK's whole request path (marshalling,
 * signing, retries, unmarshalling) and ours, so that SnapStart priming can rehearse real requests without a byte
 * leaving the function and without writing anything.
 */
final class RehearsalHttpClient implements SdkHttpClient {
    private static final String TARGET_HEADER = "X-Amz-Target";
    private static final Map<String, String> BODIES = Map.of(
            "DynamoDB_20120810.BatchGetItem", "{\"Responses\":{},\"UnprocessedKeys\":{}}",
            "DynamoDB_20120810.BatchWriteItem", "{\"UnprocessedItems\":{}}",
            "DynamoDB_20120810.Query", "{\"Count\":0,\"Items\":[],\"ScannedCount\":0}");

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        String target = request.httpRequest().firstMatchingHeader(TARGET_HEADER).orElse("");
        byte[] body = BODIES.getOrDefault(target, "{}").getBytes(StandardCharsets.UTF_8);
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder()
                                .statusCode(200)
                                .putHeader("Content-Type", "application/x-amz-json-1.0")
                                .putHeader("Content-Length", Integer.toString(body.length))
                                .putHeader("x-amzn-RequestId", "rehearsal")
                                .build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                        .build();
            }

            @Override
            public void abort() {
                // Nothing is in flight.
            }
        };
    }

    @Override
    public String clientName() {
        return "Rehearsal";
    }

    @Override
    public void close() {
        // Holds no resources.
    }
}
