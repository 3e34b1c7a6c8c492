package dev.trackingapi.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of an import that the API has acknowledged (stored or rejected), saved after every answer: written to a
 * file beside it and moved over it, so that a kill at any moment leaves the previous or the new checkpoint, never
 * half of one. Resuming skips exactly these lines; only lines of batches in flight at the kill are sent again, and
 * the API stores those once too. The counts of what was stored and rejected carry over to the final summary. It
 * never holds the API key.
 */
final class Checkpoint {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VERSION = 1;

    private final Path location;
    private final String url;
    private final List<Inputs.InputFile> files;
    private final List<RangeSet> acknowledged;
    private long stored;
    private long rejected;
    private long withIgnored;

    private Checkpoint(Path location, String url, List<Inputs.InputFile> files, List<RangeSet> acknowledged) {
        this.location = location;
        this.url = url;
        this.files = files;
        this.acknowledged = acknowledged;
    }

    /** A new import: refused when a checkpoint of an unfinished one is there. */
    static Checkpoint start(Path location, String url, List<Inputs.InputFile> files) {
        if (Files.exists(location)) {
            throw new InputException(location + " holds the progress of an unfinished import: pass --resume to continue"
                    + " it, or delete the file to start over");
        }
        List<RangeSet> acknowledged = new ArrayList<>();
        files.forEach(file -> acknowledged.add(new RangeSet()));
        return new Checkpoint(location, url, files, acknowledged);
    }

    /** An interrupted import of the same files, to the same API. */
    static Checkpoint resume(Path location, String url, List<Inputs.InputFile> files) {
        JsonNode saved;
        try {
            saved = JSON.readTree(location.toFile());
        } catch (IOException e) {
            throw new InputException(Files.exists(location) ? location + " is not a checkpoint of this importer ("
                    + e.getMessage().lines().findFirst().orElse("") + ")"
                    : "nothing to resume: no checkpoint at " + location + " (run without --resume to start)");
        }
        if (saved == null || saved.path("version").asInt() != VERSION || !saved.path("files").isArray()) {
            throw new InputException(location + " is not a checkpoint of this importer");
        }
        if (!url.equals(saved.path("url").asText())) {
            throw new InputException(location + " is the progress of an import to " + saved.path("url").asText()
                    + ", not to " + url);
        }
        JsonNode savedFiles = saved.get("files");
        boolean same = savedFiles.size() == files.size();
        for (int i = 0; same && i < files.size(); i++) {
            JsonNode file = savedFiles.get(i);
            same = file.path("path").asText().equals(files.get(i).path().toString())
                    && file.path("size").asLong() == files.get(i).size()
                    && file.path("sha256").asText().equals(files.get(i).sha256());
        }
        if (!same) {
            throw new InputException(location + " is the progress of an import of other files, or of these files"
                    + " before they changed; name the same files in the same order, or delete it to start over");
        }
        List<RangeSet> acknowledged = new ArrayList<>();
        for (JsonNode file : savedFiles) {
            List<long[]> ranges = new ArrayList<>();
            file.path("acknowledged").forEach(range -> ranges.add(new long[]{range.get(0).asLong(),
                    range.get(1).asLong()}));
            acknowledged.add(RangeSet.of(ranges));
        }
        Checkpoint checkpoint = new Checkpoint(location, url, files, acknowledged);
        checkpoint.stored = saved.path("stored").asLong();
        checkpoint.rejected = saved.path("rejected").asLong();
        checkpoint.withIgnored = saved.path("storedWithIgnoredAttributes").asLong();
        return checkpoint;
    }

    synchronized boolean isAcknowledged(int file, long line) {
        return acknowledged.get(file).contains(line);
    }

    synchronized void stored(int file, long line, boolean withIgnoredAttributes) {
        if (!acknowledged.get(file).contains(line)) {
            acknowledged.get(file).add(line);
            stored++;
            withIgnored += withIgnoredAttributes ? 1 : 0;
        }
    }

    synchronized void rejected(int file, long line) {
        if (!acknowledged.get(file).contains(line)) {
            acknowledged.get(file).add(line);
            rejected++;
        }
    }

    synchronized long stored() {
        return stored;
    }

    synchronized long rejected() {
        return rejected;
    }

    synchronized long storedWithIgnoredAttributes() {
        return withIgnored;
    }

    synchronized long acknowledged() {
        return stored + rejected;
    }

    /** Writes the checkpoint beside its place, then moves it there. */
    synchronized void save() {
        ObjectNode root = JSON.createObjectNode().put("version", VERSION).put("url", url)
                .put("stored", stored).put("rejected", rejected).put("storedWithIgnoredAttributes", withIgnored);
        ArrayNode list = root.putArray("files");
        for (int i = 0; i < files.size(); i++) {
            Inputs.InputFile file = files.get(i);
            ArrayNode ranges = list.addObject().put("path", file.path().toString()).put("size", file.size())
                    .put("sha256", file.sha256()).putArray("acknowledged");
            acknowledged.get(i).ranges().forEach(range -> ranges.addArray().add(range[0]).add(range[1]));
        }
        Path written = location.resolveSibling(location.getFileName() + ".writing");
        try {
            JSON.writeValue(written.toFile(), root);
            try {
                Files.move(written, location, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(written, location, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the checkpoint " + location, e);
        }
    }

    /** The import is complete: nothing is left to resume. */
    void delete() {
        try {
            Files.deleteIfExists(location);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path location() {
        return location;
    }
}
