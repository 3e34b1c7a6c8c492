package dev.trackingapi.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trackingapi.validation.Limits;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends the entries of the input files as batches of up to 1,000 items (and at most the API's body limit), a few
 * batches in flight at once, and settles every item: stored, rejected (written to the rejected file with its line
 * and reasons), or, when the API answered it unavailable, sent again after Retry-After, in order. Answers 429 and 5xx
 * and lost connections are retried the same way with exponential backoff. Every acknowledged item goes to the
 * checkpoint, saved after each answer, so an item the API acknowledged is never sent again, even after a kill.
 * A customer item waits until no batch in flight holds an earlier item of its customer, so that a customer's updates
 * are applied in file order; events carry their time and need no order.
 */
final class Importer {
    static final int EXIT_ALL_STORED = 0;
    static final int EXIT_SOME_REJECTED = 1;
    static final int EXIT_STOPPED = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /**
     * @param maxAttempts      answers without progress (retryable, or every item unavailable) in a row before the
     *                         import stops, to be resumed later
     * @param progressEveryMs  how often a plain progress line is written
     */
    record Settings(URI url, String key, List<Path> files, boolean resume, int batchSize, int inFlight,
                    Path checkpoint, Path rejected, Progress.Mode progress, int maxAttempts, long progressEveryMs) {
        URI endpoint() {
            return URI.create(url.toString() + "/track/batch");
        }
    }

    private final Settings settings;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, Integer> customersInFlight = new HashMap<>();
    private final AtomicLong retriedItems = new AtomicLong();
    private Inputs inputs;
    private Checkpoint checkpoint;
    private RejectedFile rejectedFile;
    private Progress progress;
    private BatchClient client;
    private volatile String stopped;

    Importer(Settings settings, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.out = out;
        this.err = err;
    }

    /** Runs the import; @throws InputException when it cannot start (nothing is sent then) */
    int run() throws InterruptedException {
        inputs = Inputs.open(settings.files());
        checkpoint = settings.resume()
                ? Checkpoint.resume(settings.checkpoint(), settings.url().toString(), inputs.files())
                : Checkpoint.start(settings.checkpoint(), settings.url().toString(), inputs.files());
        rejectedFile = new RejectedFile(settings.rejected(), settings.resume());
        client = new BatchClient(settings.endpoint(), settings.key());
        long before = checkpoint.acknowledged();
        err.printf(Locale.ROOT, "Importing %,d items from %s to %s (batches of up to %,d items, %d in flight)%s%n",
                inputs.items(), names(), settings.url(), settings.batchSize(), settings.inFlight(),
                before > 0 ? String.format(Locale.ROOT, "; resumed: %,d were acknowledged before", before) : "");
        progress = new Progress(settings.progress(), err, inputs.items(), before, settings.progressEveryMs(),
                System::nanoTime);
        long started = System.nanoTime();
        checkpoint.save();
        send(inputs.entries());
        progress.finish(checkpoint.acknowledged(), checkpoint.rejected());
        rejectedFile.close();
        return summary((System.nanoTime() - started) / 1e9, before);
    }

    private void send(Iterator<Entry> entries) throws InterruptedException {
        ExecutorService senders = Executors.newFixedThreadPool(settings.inFlight(), work -> {
            Thread thread = new Thread(work, "import-sender");
            thread.setDaemon(true);
            return thread;
        });
        Semaphore slots = new Semaphore(settings.inFlight());
        List<Entry.Item> batch = new ArrayList<>();
        long bytes = Inputs.BATCH_ENVELOPE_BYTES;
        try {
            while (stopped == null && entries.hasNext()) {
                Entry entry = entries.next();
                if (checkpoint.isAcknowledged(entry.file(), entry.line())) {
                    continue;
                }
                if (entry instanceof Entry.Refused refused) {
                    rejectedFile.write(fileName(refused.file()), refused.line(), refused.item(), refused.text(),
                            refused.reasons());
                    checkpoint.rejected(refused.file(), refused.line());
                    checkpoint.save();
                    progress.update(checkpoint.acknowledged(), checkpoint.rejected());
                    continue;
                }
                Entry.Item item = (Entry.Item) entry;
                String customer = item.customerOfCustomerItem();
                if (customer != null && inFlight(customer)) {
                    dispatch(batch, senders, slots);
                    batch = new ArrayList<>();
                    bytes = Inputs.BATCH_ENVELOPE_BYTES;
                    awaitNotInFlight(customer);
                    if (stopped != null) {
                        break;
                    }
                }
                if (!batch.isEmpty() && (batch.size() == settings.batchSize()
                        || bytes + 1 + item.bytes() > Limits.MAX_BATCH_BODY_BYTES)) {
                    dispatch(batch, senders, slots);
                    batch = new ArrayList<>();
                    bytes = Inputs.BATCH_ENVELOPE_BYTES;
                }
                bytes += (batch.isEmpty() ? 0 : 1) + item.bytes();
                batch.add(item);
            }
            if (stopped == null) {
                dispatch(batch, senders, slots);
            }
            slots.acquire(settings.inFlight());
        } finally {
            senders.shutdownNow();
            senders.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    private void dispatch(List<Entry.Item> batch, ExecutorService senders, Semaphore slots) throws InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        slots.acquire();
        synchronized (customersInFlight) {
            batch.stream().map(Entry.Item::customerOfCustomerItem).filter(customer -> customer != null)
                    .forEach(customer -> customersInFlight.merge(customer, 1, Integer::sum));
        }
        senders.execute(() -> {
            try {
                settle(batch);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException unexpected) {
                stop("the import failed: " + unexpected);
            } finally {
                synchronized (customersInFlight) {
                    batch.stream().map(Entry.Item::customerOfCustomerItem).filter(customer -> customer != null)
                            .forEach(customer -> customersInFlight.merge(customer, -1,
                                    (count, minus) -> count + minus == 0 ? null : count + minus));
                    customersInFlight.notifyAll();
                }
                slots.release();
            }
        });
    }

    private boolean inFlight(String customer) {
        synchronized (customersInFlight) {
            return customersInFlight.containsKey(customer);
        }
    }

    private void awaitNotInFlight(String customer) throws InterruptedException {
        synchronized (customersInFlight) {
            while (customersInFlight.containsKey(customer) && stopped == null) {
                customersInFlight.wait(100);
            }
        }
    }

    /** Sends the batch until each of its items is stored or rejected, or the import stops. */
    private void settle(List<Entry.Item> items) throws InterruptedException {
        List<Entry.Item> pending = items;
        int withoutProgress = 0;
        while (!pending.isEmpty() && stopped == null) {
            BatchClient.Answer answer = client.post(body(pending));
            JsonNode results = answer.body() == null ? null : answer.body().get("results");
            Optional<Duration> retryAfter = answer.retryAfter();
            if (answer.status() == 200 && results != null && results.size() == pending.size()) {
                List<Entry.Item> unavailable = new ArrayList<>();
                for (int k = 0; k < pending.size(); k++) {
                    Entry.Item item = pending.get(k);
                    JsonNode result = results.get(k);
                    switch (result.path("status").asText()) {
                        case "stored" -> checkpoint.stored(item.file(), item.line(),
                                result.has("ignored") || result.has("ignoredNotListed"));
                        case "rejected" -> {
                            rejectedFile.write(fileName(item.file()), item.line(), parsed(item.json()), item.json(),
                                    toList(result.path("details")));
                            checkpoint.rejected(item.file(), item.line());
                        }
                        default -> unavailable.add(item);
                    }
                }
                checkpoint.save();
                progress.update(checkpoint.acknowledged(), checkpoint.rejected());
                withoutProgress = unavailable.size() < pending.size() ? 1 : withoutProgress + 1;
                pending = unavailable;
                if (pending.isEmpty()) {
                    return;
                }
                retriedItems.addAndGet(pending.size());
            } else if (answer.retryable()) {
                withoutProgress++;
            } else {
                stop(refusal(answer));
                return;
            }
            if (withoutProgress >= settings.maxAttempts()) {
                stop((answer.status() == 200 ? "the API answered " + pending.size() + " items unavailable"
                        : answer.status() == 0 ? answer.describe() : "the API answered " + answer.describe())
                        + ", " + withoutProgress + " times in a row");
                return;
            }
            pause(backoff(withoutProgress, retryAfter));
        }
    }

    private String refusal(BatchClient.Answer answer) {
        return switch (answer.status()) {
            case 401, 403 -> "the API refused the key (" + answer.describe() + "): check --key or "
                    + ImportCli.KEY_VARIABLE + ", and that the key may track";
            case 404 -> "there is no /track/batch at " + settings.url() + " (404): check --url";
            case 200 -> "the API's answer does not list a result per item: " + answer.describe();
            default -> "the API refused a batch (" + answer.describe() + ")";
        };
    }

    /** Exponential from 0.5 s, at most 30 s, with jitter, and never less than Retry-After. */
    static Duration backoff(int attempt, Optional<Duration> retryAfter) {
        long millis = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(16, Math.max(0,
                attempt - 1)));
        millis = (long) (millis * (0.75 + ThreadLocalRandom.current().nextDouble() * 0.5));
        return Duration.ofMillis(Math.max(millis, retryAfter.map(Duration::toMillis).orElse(0L)));
    }

    private void pause(Duration delay) throws InterruptedException {
        long until = System.nanoTime() + delay.toNanos();
        while (stopped == null && System.nanoTime() < until) {
            Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
        }
    }

    private void stop(String reason) {
        synchronized (customersInFlight) {
            if (stopped == null) {
                stopped = reason;
            }
            customersInFlight.notifyAll();
        }
    }

    private static byte[] body(List<Entry.Item> items) {
        StringBuilder body = new StringBuilder(items.stream().mapToInt(Entry.Item::bytes).sum() + items.size() + 16)
                .append("{\"batch\":[");
        for (int i = 0; i < items.size(); i++) {
            body.append(i == 0 ? "" : ",").append(items.get(i).json());
        }
        return body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode parsed(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            return null;
        }
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private String fileName(int file) {
        return inputs.files().get(file).name();
    }

    private String names() {
        return String.join(", ", inputs.files().stream().map(Inputs.InputFile::name).toList());
    }

    private int summary(double seconds, long before) {
        long acknowledged = checkpoint.acknowledged();
        long thisRun = acknowledged - before;
        long stored = checkpoint.stored();
        long rejected = checkpoint.rejected();
        if (stopped != null) {
            out.printf(Locale.ROOT, "Stopped after %.1f s: %s.%n", seconds, stopped);
        } else {
            out.printf(Locale.ROOT, "Imported %,d items of %s in %.1f s (%,.0f items/s)%s.%n", inputs.items(), names(),
                    seconds, thisRun / Math.max(seconds, 1e-3), before > 0
                            ? String.format(Locale.ROOT, ", %,d of them before this run", before) : "");
        }
        out.printf(Locale.ROOT, "  stored    %,9d%s%n", stored, checkpoint.storedWithIgnoredAttributes() == 0 ? ""
                : String.format(Locale.ROOT, "  (%,d with attributes not applied: a type mismatch or a profile's cap;"
                + " their values are kept)", checkpoint.storedWithIgnoredAttributes()));
        out.printf(Locale.ROOT, "  rejected  %,9d%s%n", rejected, rejected == 0 ? ""
                : "  written with their line numbers and reasons to " + rejectedFile.location());
        if (retriedItems.get() > 0) {
            out.printf(Locale.ROOT, "  sent again %,8d  items the API answered unavailable for a moment%n",
                    retriedItems.get());
        }
        if (stopped != null) {
            out.printf(Locale.ROOT, "  not sent  %,9d%nWhat was acknowledged is saved in %s: run the same command with"
                    + " --resume to send the rest.%n", inputs.items() - acknowledged, checkpoint.location());
            return EXIT_STOPPED;
        }
        checkpoint.delete();
        return rejected > 0 ? EXIT_SOME_REJECTED : EXIT_ALL_STORED;
    }

    /** Whether the import ran to its end (for a message when the JVM is stopped before). */
    boolean finished() {
        return checkpoint != null && (stopped != null || checkpoint.acknowledged() == inputs.items());
    }

    Path checkpointLocation() {
        return settings.checkpoint();
    }
}
