package dev.trackingapi.priming;

import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP client under a function's DynamoDB client. It sends every request through the real HTTP client, except
 * while {@link #rehearse} runs: then it sends nothing and answers every DynamoDB call with the service's empty success
 * (no item found, nothing unprocessed, write accepted), except every other GetItem that asks only whether an item
 * exists (it projects the key), which finds one, so that both answers are rehearsed. Requests made meanwhile run the
 * SDK's whole request path (marshalling, signing, retries, unmarshalling) and ours, on the function's own objects,
 * without a byte leaving the function and without writing anything.
 */
public final class RehearsableHttpClient implements SdkHttpClient {
    private static final String TARGET_HEADER = "X-Amz-Target";
    private static final Map<String, String> BODIES = Map.of(
            "DynamoDB_20120810.BatchGetItem", "{\"Responses\":{},\"UnprocessedKeys\":{}}",
            "DynamoDB_20120810.BatchWriteItem", "{\"UnprocessedItems\":{}}",
            "DynamoDB_20120810.Query", "{\"Count\":0,\"Items\":[],\"ScannedCount\":0}");
    private static final String GET_ITEM = "DynamoDB_20120810.GetItem";
    private static final String FOUND = "{\"Item\":{\"pk\":{\"S\":\"#rehearsal\"}}}";
    private static final String KEY_ONLY = "\"ProjectionExpression\":\"#pk\"";

    private final SdkHttpClient real;
    private final AtomicInteger existenceReads = new AtomicInteger();
    private volatile boolean rehearsing;

    public RehearsableHttpClient(SdkHttpClient real) {
        this.real = real;
    }

    /** Runs the requests with every DynamoDB call answered here; not meant to overlap real requests. */
    void rehearse(Runnable requests) {
        rehearsing = true;
        try {
            requests.run();
        } finally {
            rehearsing = false;
        }
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        if (!rehearsing) {
            return real.prepareRequest(request);
        }
        String target = request.httpRequest().firstMatchingHeader(TARGET_HEADER).orElse("");
        String answer = GET_ITEM.equals(target) && asksOnlyWhetherItExists(request)
                && existenceReads.incrementAndGet() % 2 == 0 ? FOUND : BODIES.getOrDefault(target, "{}");
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
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

    private static boolean asksOnlyWhetherItExists(HttpExecuteRequest request) {
        return request.contentStreamProvider().map(content -> {
            try (InputStream body = content.newStream()) {
                return new String(body.readAllBytes(), StandardCharsets.UTF_8).contains(KEY_ONLY);
            } catch (IOException e) {
                return false;
            }
        }).orElse(false);
    }

    @Override
    public String clientName() {
        return real.clientName();
    }

    @Override
    public void close() {
        real.close();
    }
}
