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

import java.io.OutputStream;
import java.io.PrintStream;
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
 * a new project every few requests, so that both the first-request and the steady-state paths run; what they print
 * (their metrics' EMF lines) goes nowhere, as rehearsed requests are not requests;</li>
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
        register(new Primer(httpClient, () -> rehearseRoute(handler, bodies(PrimingSamples.EVENT_REQUESTS)), () -> {
            types.forget();
            profiles.forget();
        }, warmUp, types::learnRegistered));
    }

    /** Primes a function that upserts customers. */
    public static void customerFunction(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                        RehearsableHttpClient httpClient, TypeRegistry types, Runnable warmUp) {
        register(new Primer(httpClient, () -> rehearseRoute(handler, bodies(PrimingSamples.CUSTOMER_REQUESTS)),
                types::forget, warmUp, types::learnRegistered));
    }

    /** Primes a catalog function with its route's samples; the catalog caches nothing, so nothing is forgotten or learnt. */
    public static void catalogFunction(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                       RehearsableHttpClient httpClient, CatalogRoute route, Runnable warmUp) {
        register(new Primer(httpClient, () -> rehearseRoute(handler,
                round -> PrimingSamples.catalogRequest(route, round)), () -> {
        }, warmUp, () -> 0));
    }

    /**
     * Primes GET /customers/{id}: its reads of a profile need the customer attributes' types, which it learns as the
     * tracking functions do.
     */
    public static void customerReadFunction(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                            RehearsableHttpClient httpClient, Runnable forget, Runnable warmUp,
                                            IntSupplier learning) {
        readFunction(handler, httpClient, PrimingSamples.CUSTOMER_READS, forget, warmUp, learning);
    }

    /** Primes GET /customers/{id}/events; it keeps nothing between requests. */
    public static void eventReadFunction(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                         RehearsableHttpClient httpClient, Runnable warmUp) {
        readFunction(handler, httpClient, PrimingSamples.EVENT_READS, () -> { }, warmUp, () -> 0);
    }

    /** Primes GET /schema; it keeps nothing between requests. */
    public static void schemaFunction(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                      RehearsableHttpClient httpClient, Runnable warmUp) {
        readFunction(handler, httpClient, PrimingSamples.SCHEMA_READS, () -> { }, warmUp, () -> 0);
    }

    /** Primes GET /schema/events/{name}; it keeps nothing between requests. */
    public static void eventSchemaFunction(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                           RehearsableHttpClient httpClient, Runnable warmUp) {
        readFunction(handler, httpClient, PrimingSamples.EVENT_SCHEMA_READS, () -> { }, warmUp, () -> 0);
    }

    /** Primes the data explorer's page: it reads nothing, so there is no DynamoDB request to make. */
    public static void explorer(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                RehearsableHttpClient httpClient) {
        register(new Primer(httpClient, () -> rehearseRoute(handler, round -> PrimingSamples.readRequest(
                new PrimingSamples.Read(Map.of(), ""), round)), () -> { }, () -> { }, () -> 0));
    }

    private static void readFunction(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                     RehearsableHttpClient httpClient, List<PrimingSamples.Read> reads,
                                     Runnable forget, Runnable warmUp, IntSupplier learning) {
        register(new Primer(httpClient, () -> rehearseRoute(handler,
                round -> PrimingSamples.readRequest(reads.get(round % reads.size()), round)), forget, warmUp, learning));
    }

    /** Primes the erasure function: erasures of customers that have nothing stored, and refused requests. */
    public static void erasureFunction(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                       RehearsableHttpClient httpClient, Runnable forget, Runnable warmUp) {
        register(new Primer(httpClient, () -> rehearseRoute(handler, PrimingSamples::erasureRequest), forget, warmUp,
                () -> 0));
    }

    /** Primes the batch function: batches of events and customers, then {@link WarmUpRequests#batchFunction}. */
    public static void batchFunction(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                     RehearsableHttpClient httpClient, TypeRegistry types, CustomerProfiles profiles,
                                     Runnable warmUp) {
        register(new Primer(httpClient, () -> rehearseRoute(handler, bodies(PrimingSamples.BATCH_REQUESTS)), () -> {
            types.forget();
            profiles.forget();
        }, warmUp, types::learnRegistered));
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

    private static IntFunction<APIGatewayV2HTTPEvent> bodies(List<String> bodies) {
        return round -> PrimingSamples.routeRequest(bodies, round);
    }

    private static void rehearseRoute(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                      IntFunction<APIGatewayV2HTTPEvent> requests) {
        for (int i = 0; i < REHEARSED_REQUESTS; i++) {
            handler.handleRequest(requests.apply(i), PrimingContext.SILENT);
        }
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
        attempt(() -> httpClient.rehearse(() -> withoutStandardOutput(rehearsal)), "the request path");
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

    /** Runs the work with standard output discarded: nothing it prints reaches the function's log. */
    static void withoutStandardOutput(Runnable work) {
        PrintStream real = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream(), false));
        try {
            work.run();
        } finally {
            System.setOut(real);
        }
    }

    private static void attempt(Runnable step, String what) {
        try {
            step.run();
        } catch (RuntimeException e) {
            Log.warn(null, "SnapStart priming of " + what + " stopped early: " + e);
        }
    }
}
