package dev.trackingapi.benchmark;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Concurrent clients against the local API over loopback HTTP, for a bounded time: mostly new events, plus what stores
 * really send (retries of events already acknowledged, customer updates, the odd malformed body). Afterwards the
 * events table must hold exactly the events that were acknowledged, once each, and every acknowledged customer.
 */
final class LoadRun {
    static final String EVENTS_TABLE = "EventsTable";
    private static final String CUSTOMERS_TABLE = "CustomersTable";

    private LoadRun() {
    }

    record Result(long requests, Map<Integer, Long> statuses, long acknowledgedEvents, long storedEvents,
                  long acknowledgedCustomers, long storedCustomers, double seconds, Percentiles latency,
                  List<Double> liveHeapMegabytes) {
        long serverErrors() {
            return statuses.entrySet().stream().filter(status -> status.getKey() >= 500)
                    .mapToLong(Map.Entry::getValue).sum();
        }

        double eventsPerSecond() {
            return acknowledgedEvents / seconds;
        }

        boolean consistent() {
            return acknowledgedEvents == storedEvents && acknowledgedCustomers == storedCustomers;
        }
    }

    static Result run(LocalApiProcess api, int clients, Duration duration, int heapSamples) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Set<String> acknowledgedEvents = ConcurrentHashMap.newKeySet();
        Set<String> acknowledgedCustomers = ConcurrentHashMap.newKeySet();
        Map<Integer, LongAdder> statuses = new ConcurrentSkipListMap<>();
        long[][] latencies = new long[clients][];
        AtomicLong requests = new AtomicLong();
        List<Double> heap = new ArrayList<>();
        heap.add(ServerMemory.liveHeapMegabytes(api.pid()));
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<long[]>> workers = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                int id = client;
                workers.add(pool.submit(() -> client(api.baseUri(), http, id, deadline, acknowledgedEvents,
                        acknowledgedCustomers, statuses, requests)));
            }
            long sampleEvery = duration.toNanos() / Math.max(1, heapSamples);
            for (int sample = 1; sample < heapSamples; sample++) {
                LocalApiProcess.sleep(Math.max(0, (started + sample * sampleEvery - System.nanoTime()) / 1_000_000));
                heap.add(ServerMemory.liveHeapMegabytes(api.pid()));
            }
            for (int client = 0; client < clients; client++) {
                latencies[client] = workers.get(client).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("a load client failed", e);
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        heap.add(ServerMemory.liveHeapMegabytes(api.pid()));
        long[] all = java.util.Arrays.stream(latencies).flatMapToLong(java.util.Arrays::stream).toArray();
        Map<Integer, Long> statusCounts = new java.util.TreeMap<>();
        statuses.forEach((status, count) -> statusCounts.put(status, count.sum()));
        try (DynamoDbClient dynamoDb = LocalDynamoDb.client(api.dynamoDbEndpoint())) {
            return new Result(requests.get(), statusCounts, acknowledgedEvents.size(),
                    count(dynamoDb, EVENTS_TABLE, null), acknowledgedCustomers.size(),
                    count(dynamoDb, CUSTOMERS_TABLE, "profile"), seconds, Percentiles.of(all), heap);
        }
    }

    /** One client: a loop of requests until the deadline; returns its success latencies. */
    private static long[] client(URI base, HttpClient http, int id, long deadline, Set<String> acknowledgedEvents,
                                 Set<String> acknowledgedCustomers, Map<Integer, LongAdder> statuses, AtomicLong requests)
            throws IOException, InterruptedException {
        Random random = new Random(id);
        List<String> sentEvents = new ArrayList<>();
        long[] latencies = new long[1 << 16];
        int measured = 0;
        for (int n = 0; System.nanoTime() < deadline; n++) {
            int dice = random.nextInt(100);
            String customer = "c-" + id + "-" + random.nextInt(200);
            String path;
            String body;
            String eventKey = null;
            if (dice < 70 || sentEvents.isEmpty()) {
                long time = 1_700_000_000_000L + (long) id * 100_000_000L + n;
                path = "/track/event/v2";
                body = "{\"customerId\":\"" + customer + "\",\"name\":\"Event " + random.nextInt(8) + "\",\"time\":" + time
                        + ",\"attributes\":[{\"name\":\"Amount\",\"type\":\"number\",\"value\":" + random.nextInt(1000)
                        + ".5},{\"name\":\"Sku\",\"type\":\"string\",\"value\":\"S" + n + "\"},"
                        + "{\"name\":\"Tags\",\"type\":\"string array\",\"value\":[\"a\",\"b\"]}]}";
                eventKey = customer + "@" + time;
            } else if (dice < 80) {
                String retried = sentEvents.get(random.nextInt(sentEvents.size()));
                path = "/track/event/v2";
                body = retried.substring(retried.indexOf('|') + 1);
                eventKey = retried.substring(0, retried.indexOf('|'));
            } else if (dice < 95) {
                path = "/track/user";
                body = "{\"id\":\"" + customer + "\",\"attributes\":{\"name\":\"N" + n + "\",\"visits\":" + n
                        + ",\"vip\":" + random.nextBoolean() + "}}";
            } else {
                path = "/track/event/v2";
                body = "{\"customerId\":\"" + customer + "\",\"name\":\"\",\"time\":\"soon\"}";
            }
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                    .header("content-type", "application/json")
                    .header("x-growlytics-key", LocalApiProcess.KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            long sent = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - sent;
            requests.incrementAndGet();
            statuses.computeIfAbsent(response.statusCode(), status -> new LongAdder()).increment();
            if (response.statusCode() == 200) {
                if (measured < latencies.length) {
                    latencies[measured++] = took;
                }
                if (path.equals("/track/user")) {
                    acknowledgedCustomers.add(customer);
                } else if (eventKey != null) {
                    acknowledgedEvents.add(eventKey);
                    acknowledgedCustomers.add(eventKey.substring(0, eventKey.indexOf('@')));
                    if (dice < 70 && sentEvents.size() < 1000) {
                        sentEvents.add(eventKey + "|" + body);
                    }
                }
            }
        }
        return java.util.Arrays.copyOf(latencies, measured);
    }

    /** Items of the load project in the table (with that sort key when one is given): a scan that counts. */
    static long count(DynamoDbClient dynamoDb, String table, String sortKeyOrNull) {
        ScanRequest.Builder scan = ScanRequest.builder().tableName(table).select("COUNT")
                .filterExpression("begins_with(pk, :project)" + (sortKeyOrNull == null ? "" : " AND sk = :sk"));
        Map<String, AttributeValue> values = new java.util.HashMap<>();
        values.put(":project", AttributeValue.fromS(LocalApiProcess.PROJECT + "#"));
        if (sortKeyOrNull != null) {
            values.put(":sk", AttributeValue.fromS(sortKeyOrNull));
        }
        return dynamoDb.scanPaginator(scan.expressionAttributeValues(values).build()).stream()
                .mapToLong(page -> page.count()).sum();
    }
}
