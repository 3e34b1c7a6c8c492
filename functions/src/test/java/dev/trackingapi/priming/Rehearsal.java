package dev.trackingapi.priming;

import dev.trackingapi.config.TableNames;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A DynamoDB client on a {@link RehearsableHttpClient} whose real HTTP client counts what reaches it and fails it. */
final class Rehearsal {
    final AtomicInteger realRequests = new AtomicInteger();
    /** The operation and body of every request that reached the real client, e.g. "BatchGetItem {...}". */
    final List<String> realCalls = new CopyOnWriteArrayList<>();
    final RehearsableHttpClient httpClient = new RehearsableHttpClient(new SdkHttpClient() {
        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            realRequests.incrementAndGet();
            String operation = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("")
                    .replace("DynamoDB_20120810.", "");
            realCalls.add(operation + " " + request.contentStreamProvider().map(body -> {
                try (InputStream in = body.newStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "";
                }
            }).orElse(""));
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() throws IOException {
                    throw new IOException("a request left the function");
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void close() {
        }
    });
    final DynamoDbClient dynamoDb = DynamoDbClient.builder()
            .httpClient(httpClient)
            .overrideConfiguration(configuration -> configuration.retryStrategy(RetryMode.STANDARD))
            .region(Region.EU_WEST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .endpointOverride(URI.create("https://dynamodb.test.invalid"))
            .build();
    final TableNames tables = TableNames.withPrefix("rehearsal-");
}
