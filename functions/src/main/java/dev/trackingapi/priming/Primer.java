package dev.trackingapi.priming;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.trackingapi.log.Log;
import dev.trackingapi.service.CustomerProfiles;
import dev.trackingapi.service.TypeRegistry;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;

/**
 * A CRaC hook that runs a function's request path before its SnapStart snapshot is taken, so that a restored
 * environment serves its first request warm. It takes the function's own, already-wired handler, and:
 * <ol>
 * <li>rehearses whole requests through it while its DynamoDB client's HTTP client sends nothing
 * ({@link RehearsableHttpClient}), so that the JIT compiles every step of our code and the SDK's into the snapshot:
 * a new project every few requests, so that both the first-request and the steady-state paths run;</li>
 * <li>forgets what the rehearsal taught the function's caches (it is true of no project);</li>
 * <li>makes real DynamoDB requests that change nothing ({@link WarmUpRequests}): connections, credentials, the HTTP
 * client's own path;</li>
 * <li>learns every registered attribute type (they never change, so the snapshot's cache of them is never stale);</li>
 * <li>collects what all that left behind.</li>
 * </ol>
 * A failed step (no table, no network) is logged and ignored: it must never stop the snapshot, and running the hook
 * twice does nothing more than running it once.
 */
public final class Primer implements Resource {
    static final int REHEARSED_REQUESTS = 1_000;
    static final int REQUESTS_PER_PROJECT = 10;
    static final int REAL_DYNAMODB_ROUNDS = 200;
    static final String PROJECT = "snapstart-priming";
    /** Rehearsed requests cycle through this many customers, so both a new and a known customer are rehearsed. */
    static final int REHEARSED_CUSTOMERS = 3;

    /** CRaC holds resources weakly: the primers live as long as the execution environment. */
    private static final List<Primer> REGISTERED = new CopyOnWriteArrayList<>();

    private final RehearsableHttpClient httpClient;
    private final Runnable rehearsal;
    private final Runnable forget;
    private final Runnable warmUp;
    private final IntSupplier learning;

    private Primer(RehearsableHttpClient httpClient, Runnable rehearsal, Runnable forget, Runnable warmUp,
                   IntSupplier learning) {
        this.httpClient = httpClient;
        this.rehearsal = rehearsal;
        this.forget = forget;
        this.warmUp = warmUp;
        this.learning = learning;
    }

    /** Primes a function that tracks events: every event sample, then the requests of {@link WarmUpRequests#eventFunction}. */
    public static void eventFunction(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                     RehearsableHttpClient httpClient, TypeRegistry types, CustomerProfiles profiles,
                                     Runnable warmUp) {
        routeFunction(handler, httpClient, round -> PrimingSamples.routeRequest(PrimingSamples.EVENT_REQUESTS, round),
                () -> {
                    types.forget();
                    profiles.forget();
                }, warmUp, types::learnRegistered);
    }

    /** Primes a function that upserts customers. */
    public static void customerFunction(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                        RehearsableHttpClient httpClient, TypeRegistry types, Runnable warmUp) {
        routeFunction(handler, httpClient,
                round -> PrimingSamples.routeRequest(PrimingSamples.CUSTOMER_REQUESTS, round), types::forget, warmUp,
                types::learnRegistered);
    }

    /** Primes the erasure function: erasures of customers that have nothing stored, and refused requests. */
    public static void erasureFunction(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                       RehearsableHttpClient httpClient, Runnable forget, Runnable warmUp) {
        routeFunction(handler, httpClient, PrimingSamples::erasureRequest, forget, warmUp, () -> 0);
    }

    /**
     * Primes a function behind an HTTP route: {@link #REHEARSED_REQUESTS} requests of the samples, then what its
     * rehearsal taught forgotten, its real warm-up requests made, and what never changes learnt.
     */
    private static void routeFunction(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                      RehearsableHttpClient httpClient, IntFunction<APIGatewayV2HTTPEvent> requests,
                                      Runnable forget, Runnable warmUp, IntSupplier learning) {
        register(new Primer(httpClient, () -> {
            for (int i = 0; i < REHEARSED_REQUESTS; i++) {
                handler.handleRequest(requests.apply(i), PrimingContext.SILENT);
            }
        }, forget, warmUp, learning));
    }

    /** Primes the authorizer; it learns nothing ahead, as keys can be revoked. */
    public static void authorizer(RequestHandler<APIGatewayV2CustomAuthorizerEvent, Map<String, Object>> handler,
                                  RehearsableHttpClient httpClient, Runnable forget, Runnable warmUp) {
        register(new Primer(httpClient, () -> {
            for (int i = 0; i < REHEARSED_REQUESTS; i++) {
                handler.handleRequest(PrimingSamples.authorizerRequest(i), PrimingContext.SILENT);
            }
        }, forget, warmUp, () -> 0));
    }

    /** The primers registered in this JVM, in order. */
    static List<Primer> registered() {
        return List.copyOf(REGISTERED);
    }

    private static void register(Primer primer) {
        REGISTERED.add(primer);
        Core.getGlobalContext().register(primer);
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
        attempt(() -> httpClient.rehearse(rehearsal), "the request path");
        attempt(forget, "forgetting the rehearsal");
        attempt(() -> {
            for (int round = 0; round < REAL_DYNAMODB_ROUNDS; round++) {
                warmUp.run();
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
}
