package dev.trackingapi.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rejected items, one JSON line each: {"file", "line", "reasons": [the API's details], "item"} ("text" instead of
 * "item" for a line that is not JSON), so that they can be fixed and imported again. Created at the first rejection;
 * a new import replaces the one of an earlier import, a resumed import appends to it and never writes a line twice.
 */
final class RejectedFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path location;
    private final Set<String> written = new HashSet<>();
    private BufferedWriter writer;
    private final boolean append;
    private long count;

    RejectedFile(Path location, boolean append) {
        this.location = location;
        this.append = append && Files.exists(location);
        if (!append) {
            try {
                Files.deleteIfExists(location);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (this.append) {
            try {
                for (String line : Files.readAllLines(location, StandardCharsets.UTF_8)) {
                    JsonNode rejected = JSON.readTree(line);
                    written.add(rejected.path("file").asText() + ":" + rejected.path("line").asLong());
                }
            } catch (IOException | RuntimeException unreadable) {
                throw new InputException(location + " is not a file of rejected items of this importer; move it"
                        + " away or pass --rejected with another path");
            }
        }
    }

    synchronized void write(String file, long line, JsonNode item, String text, List<? extends JsonNode> reasons) {
        if (!written.add(file + ":" + line)) {
            return;
        }
        ObjectNode rejected = JSON.createObjectNode().put("file", file).put("line", line);
        rejected.putArray("reasons").addAll(reasons);
        if (item != null) {
            rejected.set("item", item);
        } else {
            rejected.put("text", text);
        }
        try {
            if (writer == null) {
                writer = Files.newBufferedWriter(location, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
            }
            writer.write(JSON.writeValueAsString(rejected));
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejected items to " + location, e);
        }
        count++;
    }

    synchronized long count() {
        return count;
    }

    synchronized void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    Path location() {
        return location;
    }
}
