package dev.trackingapi.importer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trackingapi.model.JsonNodes;
import dev.trackingapi.validation.BatchRequestReader;
import dev.trackingapi.validation.Limits;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The files of an import: NDJSON (one batch item per line; .ndjson, .jsonl, .json) and CSV customer lists (.csv),
 * each known by its size and SHA-256 (a checkpoint is only resumed on the same files), read in order as entries.
 * Every CSV file is checked whole when the import starts, before anything is sent; an NDJSON line that cannot be an
 * item of a batch (not UTF-8, not one JSON object, no known type, too large) is refused on its own.
 */
final class Inputs {
    /** A batch's body around its items: {"batch":[...]}. */
    static final int BATCH_ENVELOPE_BYTES = "{\"batch\":[]}".length();
    private static final ObjectMapper JSON = JsonMapper.builder(strictFactory())
            .nodeFactory(JsonNodes.FACTORY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    enum Kind { NDJSON, CSV }

    /** One file: where it is, what it holds, and what identifies its content. */
    record InputFile(int index, Path path, Kind kind, long size, String sha256, long items) {
        String name() {
            return path.getFileName().toString();
        }
    }

    private final List<InputFile> files;
    private final Map<Integer, List<CsvCustomers.Row>> csvRows;

    private Inputs(List<InputFile> files, Map<Integer, List<CsvCustomers.Row>> csvRows) {
        this.files = files;
        this.csvRows = csvRows;
    }

    /**
     * @throws InputException a file that cannot be read or whose kind is unknown (usage), or a CSV file that the
     *                        rules refuse (rejected, listing every bad cell)
     */
    static Inputs open(List<Path> paths) {
        List<InputFile> files = new ArrayList<>();
        Map<Integer, List<CsvCustomers.Row>> csvRows = new java.util.HashMap<>();
        for (int index = 0; index < paths.size(); index++) {
            Path path = paths.get(index).toAbsolutePath().normalize();
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new InputException(paths.get(index) + ": no such readable file");
            }
            Kind kind = kindOf(path);
            Counted counted = countAndHash(path);
            long items = counted.nonBlankLines();
            if (kind == Kind.CSV) {
                List<CsvCustomers.Row> rows = CsvCustomers.read(path);
                csvRows.put(index, rows);
                items = rows.size();
            }
            files.add(new InputFile(index, path, kind, counted.size(), counted.sha256(), items));
        }
        return new Inputs(List.copyOf(files), csvRows);
    }

    List<InputFile> files() {
        return files;
    }

    long items() {
        return files.stream().mapToLong(InputFile::items).sum();
    }

    private static Kind kindOf(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Kind.CSV;
        }
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl") || name.endsWith(".json")) {
            return Kind.NDJSON;
        }
        throw new InputException(path.getFileName() + ": name a file .ndjson (or .jsonl, .json: one item per line) or"
                + " .csv (a customer list), so that its format is known");
    }

    private record Counted(long size, String sha256, long nonBlankLines) {
    }

    private static Counted countAndHash(Path path) {
        try (DigestInputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16),
                MessageDigest.getInstance("SHA-256"))) {
            long size = 0;
            long lines = 0;
            boolean blank = true;
            for (int b = in.read(); b >= 0; b = in.read()) {
                size++;
                if (b == '\n') {
                    lines += blank ? 0 : 1;
                    blank = true;
                } else if (b != ' ' && b != '\t' && b != '\r') {
                    blank = false;
                }
            }
            lines += blank ? 0 : 1;
            return new Counted(size, HexFormat.of().formatHex(in.getMessageDigest().digest()), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every entry of every file, in order: a file's lines (blank ones skipped) or rows. */
    Iterator<Entry> entries() {
        List<Iterator<Entry>> perFile = new ArrayList<>();
        for (InputFile file : files) {
            perFile.add(file.kind() == Kind.CSV ? csvEntries(file) : new NdjsonEntries(file));
        }
        return new Iterator<>() {
            private int current;

            @Override
            public boolean hasNext() {
                while (current < perFile.size() && !perFile.get(current).hasNext()) {
                    current++;
                }
                return current < perFile.size();
            }

            @Override
            public Entry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return perFile.get(current).next();
            }
        };
    }

    private Iterator<Entry> csvEntries(InputFile file) {
        return csvRows.get(file.index()).stream().map(row -> (Entry) new Entry.Item(file.index(), row.row(), row.item(),
                row.item().getBytes(StandardCharsets.UTF_8).length, row.customerId())).iterator();
    }

    /** The lines of an NDJSON file, read as they are needed. */
    private static final class NdjsonEntries implements Iterator<Entry> {
        private final InputFile file;
        private final InputStream in;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
        private long number;
        private Entry next;
        private boolean ended;

        NdjsonEntries(InputFile file) {
            this.file = file;
            try {
                this.in = new BufferedInputStream(Files.newInputStream(file.path()), 1 << 16);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean hasNext() {
            while (next == null && !ended) {
                byte[] bytes = readLine();
                if (bytes == null) {
                    ended = true;
                    close();
                } else {
                    next = entry(file.index(), number, bytes);
                }
            }
            return next != null;
        }

        @Override
        public Entry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Entry entry = next;
            next = null;
            return entry;
        }

        /** The next line without its end (LF or CRLF), a byte-order mark dropped from the first; null at the end. */
        private byte[] readLine() {
            line.reset();
            try {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                while (b >= 0 && b != '\n') {
                    line.write(b);
                    b = in.read();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            number++;
            byte[] bytes = line.toByteArray();
            int from = number == 1 && bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                    && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
            int to = bytes.length > from && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
            return from == 0 && to == bytes.length ? bytes : java.util.Arrays.copyOfRange(bytes, from, to);
        }

        private void close() {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * A line as an entry: null when it is blank, an item when the API can take it in a batch, else refused. The
     * JSON checks are the API's parser's, so that no line can make a batch unreadable (a 400 for all its items).
     */
    static Entry entry(int file, long number, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return refused(file, number, null, new String(bytes, StandardCharsets.UTF_8), "line.utf8",
                    "the line is not valid UTF-8", List.of());
        }
        String json = text.strip();
        if (json.isEmpty()) {
            return null;
        }
        if (json.length() > Limits.MAX_BATCH_BODY_BYTES - BATCH_ENVELOPE_BYTES
                && json.getBytes(StandardCharsets.UTF_8).length > Limits.MAX_BATCH_BODY_BYTES - BATCH_ENVELOPE_BYTES) {
            return refused(file, number, null, json.substring(0, 200) + "…", "line.bytes", "the line is "
                    + json.getBytes(StandardCharsets.UTF_8).length + " bytes: no batch can carry it (at most "
                    + Limits.MAX_BATCH_BODY_BYTES + " bytes a batch, " + Limits.MAX_BATCH_ITEM_BYTES + " an item)",
                    List.of());
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
                    .orElse("");
            return refused(file, number, null, json, "json.syntax", "the line is not one JSON value the API can"
                    + " read: " + reason, List.of());
        }
        if (node == null || !node.isObject()) {
            return refused(file, number, node, json, "object.base", "value must be an item object {\"type\": \"event\""
                    + " or \"customer\", ...}", List.of());
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual() || !BatchRequestReader.ITEM_TYPES.contains(type.textValue())) {
            return refused(file, number, node, json, type == null ? "any.required" : "any.only", "type "
                    + (type == null ? "is required: one of " : "must be one of ") + BatchRequestReader.ITEM_TYPES,
                    List.of("type"));
        }
        String customer = BatchRequestReader.CUSTOMER.equals(type.textValue()) && node.path("id").isTextual()
                ? node.get("id").textValue() : null;
        return new Entry.Item(file, number, json, json.getBytes(StandardCharsets.UTF_8).length, customer);
    }

    private static Entry refused(int file, long number, JsonNode item, String text, String type, String message,
                                 List<Object> path) {
        ObjectNode reason = JsonNodes.FACTORY.objectNode().put("message", message).put("type", type);
        path.forEach(step -> reason.withArray("path").add(String.valueOf(step)));
        if (path.isEmpty()) {
            reason.putArray("path");
        }
        return new Entry.Refused(file, number, item, text, List.of(reason));
    }

    /**
     * The API's parser: duplicate keys refused, and nesting two levels shallower than its limit, since an item sits
     * two levels deep in a batch.
     */
    private static JsonFactory strictFactory() {
        return new JsonFactoryBuilder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(StreamReadConstraints.DEFAULT_MAX_DEPTH - 2).build())
                .build();
    }
}
