package dev.trackingapi.benchmark;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.trackingapi.baseline.ColdStartChild;
import dev.trackingapi.config.TableNames;
import dev.trackingapi.entrypoints.TrackBatchHandler;
import dev.trackingapi.entrypoints.TrackEventV2Handler;
import dev.trackingapi.service.BatchTracker;
import dev.trackingapi.store.dynamodb.EventsTable;
import dev.trackingapi.wiring.Wiring;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Figure 9: the same events sent one per request through the /track/event/v2 handler and as batches through the
 * /track/batch handler, in one run against DynamoDB Local, each mode in a project and an execution environment of its
 * own, chunk by chunk in turn (so that neither meets a larger table than the other): DynamoDB requests and write
 * units per event (counted on the client), handler time per event, and what a million events cost at the README's
 * prices with one API Gateway request and one Lambda invocation per request. Both modes first see every customer and
 * event name once (a warm-up not counted), so the figures are steady state. Beside them, what bounds the batch here:
 * DynamoDB Local's floor (the batch's own PutItems made again, one at a time and eight at a time, nothing else), and
 * the handlers' own time with a DynamoDB that answers at once.
 */
public final class BatchBenchmark {
    /** us-east-1 list prices of November 2026, as in infrastructure/README.md ("Cost per million events"). */
    static final double API_GATEWAY_PER_MILLION_REQUESTS = 1.00;
    static final double LAMBDA_PER_MILLION_REQUESTS = 0.20;
    static final double LAMBDA_ARM64_PER_GB_SECOND = 0.0000133334;
    static final double DYNAMODB_PER_MILLION_WRITE_UNITS = 0.625;
    static final double LAMBDA_GB = 1.0;
    /** HTTP API requests are metered in 512 KB increments of their body. */
    static final int API_GATEWAY_METERED_BYTES = 512 * 1024;

    private BatchBenchmark() {
    }

    /** One mode's measure: what DynamoDB was asked, how long the handler took, and what API Gateway bills. */
    public record Mode(long events, long requests, long meteredRequests, RequestCounter.Counts counts,
                       double handlerMillis, double billedMillis, double cpuMillis) {
        /** The JVM's CPU time (every thread, JIT and GC included) while the handler ran, per event. */
        public double cpuMillisPerEvent() {
            return cpuMillis / events;
        }

        public double writesPerEvent() {
            return (double) counts.writeRequests() / events;
        }

        public double writeUnitsPerEvent() {
            return (double) counts.writeUnits() / events;
        }

        public double readsPerEvent() {
            return (double) counts.readRequests() / events;
        }

        public double handlerMillisPerEvent() {
            return handlerMillis / events;
        }

        /** Dollars per million events: API Gateway, Lambda requests and billed duration (1 GB), DynamoDB writes. */
        public double costPerMillionEvents() {
            double perEvent = meteredRequests * API_GATEWAY_PER_MILLION_REQUESTS / 1e6 / events
                    + requests * LAMBDA_PER_MILLION_REQUESTS / 1e6 / events
                    + billedMillis / 1000 * LAMBDA_GB * LAMBDA_ARM64_PER_GB_SECOND / events
                    + counts.writeUnits() * DYNAMODB_PER_MILLION_WRITE_UNITS / 1e6 / events;
            return perEvent * 1e6;
        }
    }

    /**
     * @param floorOne   DynamoDB Local's floor: the batch's own PutItems of events sent again one at a time, ms each
     * @param floorBatch the same PutItems, {@link BatchTracker#MAX_CONCURRENT_CUSTOMERS} at a time, ms each
     * @param ownSingle  the single handler's own work, DynamoDB answering at once ({@link InstantDynamoDb})
     * @param ownBatch   the batch handler's, likewise
     */
    public record Result(TrafficMix mix, int batchSize, Mode single, Mode batch, double floorOne, double floorBatch,
                         Mode ownSingle, Mode ownBatch) {
        public double handlerTimeRatio() {
            return batch.handlerMillisPerEvent() / single.handlerMillisPerEvent();
        }
    }

    public static Result run(LocalDynamoDb dynamoDb, TrafficMix mix, int batchSize) {
        RequestCounter singleCounter = new RequestCounter();
        RequestCounter batchCounter = new RequestCounter();
        PutRecorder puts = new PutRecorder(dynamoDb.tables().events(), 2_000);
        Measured measured;
        List<PutItemRequest> recorded;
        try (DynamoDbClient singleClient = dynamoDb.client(singleCounter);
             DynamoDbClient batchClient = dynamoDb.client(batchCounter, puts)) {
            measured = measure(singleClient, batchClient, dynamoDb.tables(), mix, batchSize,
                    () -> new RequestCounter.Counts[]{singleCounter.snapshot(), batchCounter.snapshot()}, puts);
            recorded = puts.recorded();
        }
        double floorOne;
        double floorBatch;
        try (DynamoDbClient client = dynamoDb.client()) {
            floorOne = floor(client, recorded, 1);
            floorBatch = floor(client, recorded, BatchTracker.MAX_CONCURRENT_CUSTOMERS);
        }
        Measured own;
        try (DynamoDbClient single = InstantDynamoDb.client(); DynamoDbClient batch = InstantDynamoDb.client()) {
            own = measure(single, batch, dynamoDb.tables(), mix, batchSize, () -> new RequestCounter.Counts[]{
                    new RequestCounter.Counts(0, 0, 0, 0, 0, 0, 0), new RequestCounter.Counts(0, 0, 0, 0, 0, 0, 0)}, null);
        }
        return new Result(mix, batchSize, measured.single(), measured.batch(), floorOne, floorBatch, own.single(),
                own.batch());
    }

    private record Measured(Mode single, Mode batch) {
    }

    private static Measured measure(DynamoDbClient singleClient, DynamoDbClient batchClient, TableNames tables,
                                    TrafficMix mix, int batchSize, Supplier<RequestCounter.Counts[]> counts,
                                    PutRecorder puts) {
        TrackEventV2Handler single = new TrackEventV2Handler(Wiring.eventTracker(singleClient, tables),
                Clock.systemUTC());
        TrackBatchHandler batch = new TrackBatchHandler(Wiring.batchTracker(batchClient, tables), Clock.systemUTC());
        String run = UUID.randomUUID().toString().substring(0, 8);
        String singleProject = "single-" + run;
        String batchProject = "batch-" + run;
        List<String> warmUp = new ArrayList<>();
        List<String> events = new ArrayList<>();
        int eventsPerCustomer = mix.events() / mix.customers();
        for (int event = 0; event < eventsPerCustomer; event++) {
            for (int customer = 0; customer < mix.customers(); customer++) {
                if (event < TrafficMix.EVENT_NAMES.size()) {
                    warmUp.add(mix.body(customer, event, 0));
                }
                events.add(mix.body(customer, event, 1));
            }
        }
        for (int from = 0; from < warmUp.size(); from += batchSize) {
            List<String> chunk = warmUp.subList(from, Math.min(warmUp.size(), from + batchSize));
            sendOneByOne(single, singleProject, chunk, new Tally());
            sendAsBatch(batch, batchProject, chunk, new Tally());
        }
        if (puts != null) {
            puts.start();
        }
        RequestCounter.Counts[] start = counts.get();
        Tally singleTally = new Tally();
        Tally batchTally = new Tally();
        for (int from = 0; from < events.size(); from += batchSize) {
            List<String> chunk = events.subList(from, Math.min(events.size(), from + batchSize));
            sendOneByOne(single, singleProject, chunk, singleTally);
            sendAsBatch(batch, batchProject, chunk, batchTally);
        }
        RequestCounter.Counts[] end = counts.get();
        return new Measured(singleTally.mode(events.size(), end[0].minus(start[0])),
                batchTally.mode(events.size(), end[1].minus(start[1])));
    }

    /** The recorded PutItems of events made again (new keys), {@code threads} at a time: ms per PutItem. */
    private static double floor(DynamoDbClient client, List<PutItemRequest> puts, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        String again = "#floor-" + threads + "-" + UUID.randomUUID().toString().substring(0, 6);
        long started = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < puts.size(); i = next.getAndIncrement()) {
                        PutItemRequest put = puts.get(i);
                        Map<String, AttributeValue> item = new HashMap<>(put.item());
                        item.put(EventsTable.SK, AttributeValue.fromS(item.get(EventsTable.SK).s() + again));
                        client.putItem(put.toBuilder().item(item).build());
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("the floor's PutItems failed", e);
        } finally {
            pool.shutdownNow();
        }
        return (System.nanoTime() - started) / 1e6 / Math.max(1, puts.size());
    }

    /** Records the PutItems of events a client makes, once started, up to a number. */
    private static final class PutRecorder implements ExecutionInterceptor {
        private final String eventsTable;
        private final int max;
        private final List<PutItemRequest> recorded = Collections.synchronizedList(new ArrayList<>());
        private volatile boolean started;

        PutRecorder(String eventsTable, int max) {
            this.eventsTable = eventsTable;
            this.max = max;
        }

        void start() {
            started = true;
        }

        List<PutItemRequest> recorded() {
            return List.copyOf(recorded);
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (started && context.request() instanceof PutItemRequest put && put.tableName().equals(eventsTable)
                    && recorded.size() < max) {
                recorded.add(put);
            }
        }
    }

    /** Requests made, as API Gateway meters them, and the handler's time, measured and as Lambda bills it. */
    private static final class Tally {
        private static final com.sun.management.OperatingSystemMXBean SYSTEM =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long requests;
        long metered;
        long nanos;
        long billedMillis;
        long cpuNanos;
        private long cpuAtStart;

        void starting() {
            cpuAtStart = SYSTEM.getProcessCpuTime();
        }

        void add(int bodyBytes, long elapsedNanos) {
            requests++;
            metered += Math.max(1, (bodyBytes + API_GATEWAY_METERED_BYTES - 1) / API_GATEWAY_METERED_BYTES);
            nanos += elapsedNanos;
            billedMillis += Math.max(1, (elapsedNanos + 999_999) / 1_000_000);
        }

        void ended() {
            cpuNanos += SYSTEM.getProcessCpuTime() - cpuAtStart;
        }

        Mode mode(long events, RequestCounter.Counts counts) {
            return new Mode(events, requests, metered, counts, nanos / 1e6, billedMillis, cpuNanos / 1e6);
        }
    }

    private static void sendOneByOne(TrackEventV2Handler handler, String project, List<String> bodies, Tally tally) {
        tally.starting();
        for (String body : bodies) {
            long started = System.nanoTime();
            APIGatewayV2HTTPResponse response = handler.handleRequest(ColdStartChild.event(body, project, "single"),
                    null);
            tally.add(body.getBytes(StandardCharsets.UTF_8).length, System.nanoTime() - started);
            if (response.getStatusCode() != 200 || !response.getBody().equals("{\"success\":true}")) {
                throw new IllegalStateException("every event must be tracked: " + response.getStatusCode() + " "
                        + response.getBody());
            }
        }
        tally.ended();
    }

    static void sendAsBatch(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, String project,
                            List<String> bodies, Tally tally) {
        StringBuilder batch = new StringBuilder("{\"batch\":[");
        for (int i = 0; i < bodies.size(); i++) {
            batch.append(i == 0 ? "" : ",").append("{\"type\":\"event\",").append(bodies.get(i).substring(1));
        }
        String body = batch.append("]}").toString();
        tally.starting();
        long started = System.nanoTime();
        APIGatewayV2HTTPResponse response = handler.handleRequest(ColdStartChild.event(body, project, "batch"), null);
        tally.add(body.getBytes(StandardCharsets.UTF_8).length, System.nanoTime() - started);
        tally.ended();
        if (response.getStatusCode() != 200 || !response.getBody().startsWith("{\"success\":true,")) {
            throw new IllegalStateException("every item must be stored: " + response.getStatusCode() + " "
                    + response.getBody().substring(0, Math.min(500, response.getBody().length())));
        }
    }

    /** The handler time of batches of the most items, of new events of known customers: against the timeout. */
    public static List<Double> largestBatchMillis(LocalDynamoDb dynamoDb, TrafficMix mix, int batches) {
        List<Double> millis = new ArrayList<>();
        try (DynamoDbClient client = dynamoDb.client()) {
            TrackBatchHandler handler = new TrackBatchHandler(Wiring.batchTracker(client, dynamoDb.tables()),
                    Clock.systemUTC());
            String project = "largest-" + UUID.randomUUID().toString().substring(0, 8);
            for (int round = 0; round <= batches; round++) {
                List<String> bodies = new ArrayList<>();
                for (int i = 0; i < dev.trackingapi.validation.Limits.MAX_BATCH_ITEMS; i++) {
                    bodies.add(mix.body(i % mix.customers(), i / mix.customers(), 2 + round));
                }
                Tally tally = new Tally();
                sendAsBatch(handler, project, bodies, tally);
                if (round > 0) {
                    millis.add(tally.nanos / 1e6);
                }
            }
        }
        return millis;
    }
}
