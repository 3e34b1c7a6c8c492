package dev.trackingapi.entrypoints;

import dev.trackingapi.http.Log;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * A CRaC hook that runs a function's request path before its SnapStart snapshot is taken, so that a restored
 * environment serves its first request warm: the code path many times (so that the JIT compiles it into the snapshot)
 * and the DynamoDB requests a number of times (connections, signing, marshalling). A failed warm-up (no table, no
 * network) is logged and ignored: it must never stop the snapshot, and running it twice does nothing more than once.
 */
final class SnapStartPriming implements Resource {
    static final int CODE_ROUNDS = 2_000;
    static final int DYNAMODB_ROUNDS = 50;

    private final Runnable codePath;
    private final Runnable dynamoDbRequests;

    private SnapStartPriming(Runnable codePath, Runnable dynamoDbRequests) {
        this.codePath = codePath;
        this.dynamoDbRequests = dynamoDbRequests;
    }

    /** CRaC holds resources weakly: the caller keeps the returned reference for as long as the handler lives. */
    static SnapStartPriming register(Runnable codePath, Runnable dynamoDbRequests) {
        SnapStartPriming priming = new SnapStartPriming(codePath, dynamoDbRequests);
        Core.getGlobalContext().register(priming);
        return priming;
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
        repeat(codePath, CODE_ROUNDS, "the request path");
        repeat(dynamoDbRequests, DYNAMODB_ROUNDS, "the DynamoDB requests");
    }

    private static void repeat(Runnable warmUp, int rounds, String what) {
        try {
            for (int round = 0; round < rounds; round++) {
                warmUp.run();
            }
        } catch (RuntimeException e) {
            Log.warn(null, "SnapStart priming of " + what + " stopped early: " + e);
        }
    }
}
