package dev.trackingapi.testing;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SDK interceptor that fails a chosen fraction of DynamoDB request attempts, deterministically by seed: whether
 * the n-th attempt of a given request (by its bytes) fails, and how, depends only on the seed, the request and n.
 * (A run still varies a little from the next: the SDK's retry delays are jittered, and a call whose 6 s call timeout
 * runs out makes fewer attempts.)
 * A fault happens before the request reaches DynamoDB (nothing written) or after DynamoDB processed it (written, but
 * the answer is lost), as throttling, a 5xx, a connection reset, or a real attempt timeout. The SDK sees these as it
 * sees real ones: thrown from the interceptor, they go through its retry policy.
 */
public final class FaultInjector implements ExecutionInterceptor {
    /** What goes wrong. */
    public enum Kind {
        PROVISIONED_THROUGHPUT_EXCEEDED, THROTTLING, INTERNAL_SERVER_ERROR, SERVICE_UNAVAILABLE, CONNECTION_RESET,
        ATTEMPT_TIMEOUT
    }

    /** A fault as chosen for one attempt. */
    public record Fault(Kind kind, boolean afterDynamoDbProcessedIt) {
    }

    private static final ExecutionAttribute<Fault> PLANNED = new ExecutionAttribute<>("injectedFault");
    private static final long ATTEMPT_TIMEOUT_SLEEP_MS = 2_500;
    /** Real timeouts cost 2 s each, so they are one fault in this many. */
    private static final int REAL_TIMEOUT_ONE_IN = 40;

    private final long seed;
    private final double fraction;
    private final boolean withRealTimeouts;
    private final Map<Integer, AtomicInteger> attemptsByRequest = new ConcurrentHashMap<>();
    private final Map<Kind, AtomicLong> before = new EnumMap<>(Kind.class);
    private final Map<Kind, AtomicLong> after = new EnumMap<>(Kind.class);
    private final AtomicLong attempts = new AtomicLong();

    /**
     * @param fraction         of attempts to fail
     * @param withRealTimeouts whether some faults are real attempt timeouts (the attempt hangs until the SDK's
     *                         attempt timeout, 2 s, ends it); otherwise none, to keep a run fast
     */
    public FaultInjector(long seed, double fraction, boolean withRealTimeouts) {
        this.seed = seed;
        this.fraction = fraction;
        this.withRealTimeouts = withRealTimeouts;
        for (Kind kind : Kind.values()) {
            before.put(kind, new AtomicLong());
            after.put(kind, new AtomicLong());
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        attempts.incrementAndGet();
        attributes.putAttribute(PLANNED, null);
        int request = Arrays.hashCode(bytes(context.requestBody().map(body -> body.contentStreamProvider()).orElse(null)))
                * 31 + context.httpRequest().encodedPath().hashCode();
        int attempt = attemptsByRequest.computeIfAbsent(request, key -> new AtomicInteger()).getAndIncrement();
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + request * 7_919L + attempt);
        if (random.nextDouble() >= fraction) {
            return;
        }
        Kind[] kinds = Kind.values();
        Kind kind = withRealTimeouts && random.nextInt(REAL_TIMEOUT_ONE_IN) == 0 ? Kind.ATTEMPT_TIMEOUT
                : kinds[random.nextInt(kinds.length - 1)];
        Fault fault = new Fault(kind, random.nextBoolean());
        if (fault.afterDynamoDbProcessedIt()) {
            attributes.putAttribute(PLANNED, fault);
        } else {
            fail(fault);
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        Fault fault = attributes.getAttribute(PLANNED);
        if (fault != null) {
            attributes.putAttribute(PLANNED, null);
            fail(fault);
        }
    }

    private void fail(Fault fault) {
        (fault.afterDynamoDbProcessedIt() ? after : before).get(fault.kind()).incrementAndGet();
        switch (fault.kind()) {
            case PROVISIONED_THROUGHPUT_EXCEEDED -> throw dynamoDbError(400, "ProvisionedThroughputExceededException");
            case THROTTLING -> throw dynamoDbError(400, "ThrottlingException");
            case INTERNAL_SERVER_ERROR -> throw dynamoDbError(500, "InternalServerError");
            case SERVICE_UNAVAILABLE -> throw dynamoDbError(503, "ServiceUnavailable");
            case CONNECTION_RESET -> throw SdkClientException.create("injected: connection reset",
                    new SocketTimeoutException("injected: connection reset"));
            case ATTEMPT_TIMEOUT -> hangUntilTheAttemptTimesOut();
        }
    }

    /** The SDK ends the attempt after its attempt timeout by interrupting this thread, and retries. */
    private static void hangUntilTheAttemptTimesOut() {
        try {
            Thread.sleep(ATTEMPT_TIMEOUT_SLEEP_MS);
        } catch (InterruptedException timedOut) {
            Thread.currentThread().interrupt();
        }
    }

    private static DynamoDbException dynamoDbError(int status, String code) {
        return (DynamoDbException) DynamoDbException.builder()
                .statusCode(status)
                .message("injected: " + code)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("injected").serviceName("DynamoDb")
                        .build())
                .build();
    }

    private static byte[] bytes(ContentStreamProvider body) {
        if (body == null) {
            return new byte[0];
        }
        try (InputStream in = body.newStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long attempts() {
        return attempts.get();
    }

    public Map<Kind, Long> injectedBefore() {
        return counts(before);
    }

    public Map<Kind, Long> injectedAfter() {
        return counts(after);
    }

    private static Map<Kind, Long> counts(Map<Kind, AtomicLong> counters) {
        Map<Kind, Long> counts = new EnumMap<>(Kind.class);
        counters.forEach((kind, count) -> counts.put(kind, count.get()));
        return counts;
    }
}
