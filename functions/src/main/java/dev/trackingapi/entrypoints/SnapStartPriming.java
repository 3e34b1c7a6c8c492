package dev.trackingapi.entrypoints;

import dev.trackingapi.http.Log;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * A CRaC hook that runs a function's request path once before its SnapStart snapshot is taken, so that a restored
 * environment serves its first request warm. A failed warm-up (no table, no network) is logged and ignored: it must
 * never stop the snapshot, and running it twice does nothing more than running it once.
 */
final class SnapStartPriming implements Resource {
    private final Runnable warmUp;

    private SnapStartPriming(Runnable warmUp) {
        this.warmUp = warmUp;
    }

    /** CRaC holds resources weakly: the caller keeps the returned reference for as long as the handler lives. */
    static SnapStartPriming register(Runnable warmUp) {
        SnapStartPriming priming = new SnapStartPriming(warmUp);
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
        try {
            warmUp.run();
        } catch (RuntimeException e) {
            Log.warn(null, "SnapStart priming skipped a step: " + e);
        }
    }
}
