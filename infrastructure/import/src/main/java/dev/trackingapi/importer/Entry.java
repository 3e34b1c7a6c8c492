package dev.trackingapi.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** What the importer reads from a line (NDJSON) or a row (CSV): an item to send, or a line it refuses itself. */
sealed interface Entry {
    /** The input file, by its position on the command line. */
    int file();

    /** The line of the NDJSON file, or the row of the CSV file (its header is row 1). */
    long line();

    /**
     * An item to send: its JSON text as read (a JSON object with a known type), and its customer when it is a
     * customer item (those of one customer are applied in file order).
     */
    record Item(int file, long line, String json, int bytes, String customerOfCustomerItem) implements Entry {
    }

    /** A line that cannot be an item of a batch, with why, in the API's detail form. */
    record Refused(int file, long line, JsonNode item, String text, List<ObjectNode> reasons) implements Entry {
    }
}
