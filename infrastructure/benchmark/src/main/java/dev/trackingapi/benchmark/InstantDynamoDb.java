package dev.trackingapi.benchmark;

import dev.trackingapi.template.DynamoDbLocalServer;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A DynamoDB that answers at once, from memory of nothing: every write accepted, every read empty. The SDK runs its
 * whole request path (marshalling, signing, unmarshalling) and so do the handlers, so that the time measured is the
 * functions' own work, apart from DynamoDB's.
 */
final class InstantDynamoDb implements SdkHttpClient {
    private static final Map<String, String> BODIES = Map.of(
            "DynamoDB_20120810.BatchGetItem", "{\"Responses\":{},\"UnprocessedKeys\":{}}",
            "DynamoDB_20120810.BatchWriteItem", "{\"UnprocessedItems\":{}}");

    static DynamoDbClient client() {
        return DynamoDbClient.builder()
                .httpClient(new InstantDynamoDb())
                .region(DynamoDbLocalServer.REGION)
                .credentialsProvider(DynamoDbLocalServer.CREDENTIALS)
                .endpointOverride(URI.create("http://127.0.0.1:9"))
                .build();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
        byte[] body = BODIES.getOrDefault(target, "{}").getBytes(StandardCharsets.UTF_8);
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(200)
                                .putHeader("Content-Type", "application/x-amz-json-1.0")
                                .putHeader("Content-Length", Integer.toString(body.length))
                                .putHeader("x-amzn-RequestId", "instant").build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                        .build();
            }

            @Override
            public void abort() {
                // nothing in flight
            }
        };
    }

    @Override
    public String clientName() {
        return "instant";
    }

    @Override
    public void close() {
        // nothing to close
    }
}
