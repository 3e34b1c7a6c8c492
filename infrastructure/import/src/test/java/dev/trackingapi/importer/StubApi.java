package dev.trackingapi.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * POST /track/batch on loopback, answering as a test scripts it, and recording every batch it was sent (the key
 * header included), so that a test can tell what the importer sent and when.
 */
final class StubApi implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /** How the stub answers one batch: its status, headers and body. */
    record Answer(int status, Map<String, String> headers, String body) {
        static Answer of(int status, String body) {
            return new Answer(status, Map.of(), body);
        }
    }

    /** Decides the answer to the n-th batch (from 0), given its items. */
    interface Script {
        Answer answer(int call, List<JsonNode> items) throws Exception;
    }

    private final HttpServer server;
    private final List<List<JsonNode>> batches = Collections.synchronizedList(new ArrayList<>());
    private final List<String> keys = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger calls = new AtomicInteger();

    StubApi(Script script) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/track/batch", exchange -> {
            try {
                JsonNode body = JSON.readTree(exchange.getRequestBody());
                List<JsonNode> items = new ArrayList<>();
                body.get("batch").forEach(items::add);
                batches.add(items);
                keys.add(exchange.getRequestHeaders().getFirst("x-growlytics-key"));
                Answer answer = script.answer(calls.getAndIncrement(), items);
                answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer.status(), bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } catch (Exception e) {
                exchange.sendResponseHeaders(599, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<List<JsonNode>> batches() {
        return List.copyOf(batches);
    }

    List<JsonNode> items() {
        List<JsonNode> all = new ArrayList<>();
        batches().forEach(all::addAll);
        return all;
    }

    List<String> keys() {
        return List.copyOf(keys);
    }

    /** The API's answer to a batch whose items all get the status the function gives them. */
    static String results(List<JsonNode> items, java.util.function.Function<JsonNode, String> status) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode results = body.putArray("results");
        int[] counts = new int[3];
        for (int i = 0; i < items.size(); i++) {
            String result = status.apply(items.get(i));
            ObjectNode entry = results.addObject().put("index", i).put("status", result);
            if (result.equals("rejected")) {
                entry.putArray("details").addObject().put("message", "time is required").put("type", "any.required")
                        .putArray("path").add("time");
                counts[1]++;
            } else if (result.equals("stored")) {
                counts[0]++;
            } else {
                counts[2]++;
            }
        }
        body.put("success", counts[0] == items.size()).put("stored", counts[0]).put("rejected", counts[1])
                .put("unavailable", counts[2]);
        return body.toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
