package dev.trackingapi.entrypoints;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.trackingapi.config.EnvironmentVariables;
import dev.trackingapi.http.Log;
import dev.trackingapi.store.dynamodb.DynamoDbClients;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * A CRaC hook that runs a function's request path before its SnapStart snapshot is taken, so that a restored
 * environment serves its first request warm. Three parts: a rehearsal of whole requests through the handler on a
 * DynamoDB client that sends nothing (so the JIT compiles every step of our code and the SDK's into the snapshot,
 * fresh caches included), real DynamoDB requests that change nothing (connections, credentials, the HTTP client's
 * own path), and learning every registered attribute type (they never change, so the snapshot's cache of them is
 * never stale); then a full collection of what all that left behind.
 * A failed step (no table, no network) is logged and ignored: it must never stop the snapshot, and running the hook
 * twice does nothing more than running it once.
 */
final class SnapStartPriming implements Resource {
    static final int REHEARSED_REQUESTS = 1_000;
    static final int REQUESTS_PER_FRESH_ENVIRONMENT = 10;
    static final int REAL_DYNAMODB_ROUNDS = 200;
    static final String PROJECT = "snapstart-priming";
    /** Rehearsed requests cycle through this many customers, so both a new and a known customer are rehearsed. */
    static final int REHEARSED_CUSTOMERS = 3;

    private final Runnable rehearsal;
    private final Runnable realRequests;
    private final IntSupplier learning;

    private SnapStartPriming(Runnable rehearsal, Runnable realRequests, IntSupplier learning) {
        this.rehearsal = rehearsal;
        this.realRequests = realRequests;
        this.learning = learning;
    }

    /**
     * CRaC holds resources weakly: the caller keeps the returned reference for as long as the handler lives.
     *
     * @param learning learns what never changes into the function's caches, and says how many facts it learnt
     */
    static SnapStartPriming register(Runnable rehearsal, Runnable realRequests, IntSupplier learning) {
        SnapStartPriming priming = new SnapStartPriming(rehearsal, realRequests, learning);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /** For a function with no cache of facts that never change (the authorizer's keys can be revoked). */
    static SnapStartPriming register(Runnable rehearsal, Runnable realRequests) {
        return register(rehearsal, realRequests, () -> 0);
    }

    /**
     * Requests through endpoints built on a client that sends nothing: a new endpoint (empty caches, as after a restore)
     * every few requests, so both the first-request and the steady-state paths are compiled.
     */
    static Runnable rehearsal(Function<DynamoDbClient, TrackingEndpoint> endpointOn, EnvironmentVariables variables,
                              List<String> bodies) {
        return () -> {
            DynamoDbClient sendsNothing = DynamoDbClients.rehearsal(variables);
            TrackingEndpoint endpoint = null;
            for (int i = 0; i < REHEARSED_REQUESTS; i++) {
                if (i % REQUESTS_PER_FRESH_ENVIRONMENT == 0) {
                    endpoint = endpointOn.apply(sendsNothing);
                }
                endpoint.handleRequest(request(bodies.get(i % bodies.size()), i), null);
            }
        };
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        run();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: credentials come from the runtime per request, the client reconnects on its own.
    }

    void run() {
        attempt(rehearsal, "the request path");
        attempt(() -> {
            for (int round = 0; round < REAL_DYNAMODB_ROUNDS; round++) {
                realRequests.run();
            }
        }, "the DynamoDB requests");
        attempt(() -> {
            int learnt = learning.getAsInt();
            if (learnt > 0) {
                Log.info(null, "SnapStart priming learnt " + learnt + " registered attribute types");
            }
        }, "the registered types");
        // Priming's garbage would otherwise fill the snapshot and be collected during a restored environment's first
        // requests: a young collection there costs more than the request itself.
        System.gc();
    }

    private static void attempt(Runnable step, String what) {
        try {
            step.run();
        } catch (RuntimeException e) {
            Log.warn(null, "SnapStart priming of " + what + " stopped early: " + e);
        }
    }

    /**
     * The event API Gateway would pass after the authorizer; the body's time varies, so events differ, and so does
     * its customer, among a few.
     */
    private static APIGatewayV2HTTPEvent request(String body, int round) {
        Map<String, Object> lambda = new HashMap<>();
        lambda.put(TrackingEndpoint.PROJECT_ID_CONTEXT_KEY, PROJECT);
        return APIGatewayV2HTTPEvent.builder()
                .withRawPath("/priming")
                .withBody(body.replace(PrimingSamples.TIME, Integer.toString(round))
                        .replace(PrimingSamples.CUSTOMER_ID, PrimingSamples.CUSTOMER_ID + (round % REHEARSED_CUSTOMERS)))
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("priming-" + round)
                        .withTimeEpoch(System.currentTimeMillis())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withLambda(lambda).build())
                        .build())
                .build();
    }
}
