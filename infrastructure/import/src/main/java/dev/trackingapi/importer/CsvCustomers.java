package dev.trackingapi.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trackingapi.model.AttributeType;
import dev.trackingapi.model.JsonNodes;
import dev.trackingapi.validation.BatchRequestReader;
import dev.trackingapi.validation.CustomerRequestReader;
import dev.trackingapi.validation.Limits;
import dev.trackingapi.validation.ValueChecks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A customer list as the vendor's dashboard takes it: a header row; the first column is the customer id; at most 25
 * columns and 10,000 rows. A column's type is declared in its header ({@code Plan:string}, {@code Lifetime
 * Value:number}, {@code Signed Up:date}, {@code Newsletter:boolean}) or, when it is not, is the type every value of the
 * column has (boolean, number, date, else string). {@code name}, {@code email} and {@code mobile} are the reserved
 * string attributes. A cell that does not fit its column (or an id or name the API would refuse) rejects the whole
 * file before anything is sent, and every such cell is listed by row and column. An empty cell sets nothing.
 */
final class CsvCustomers {
    static final int MAX_COLUMNS = 25;
    static final int MAX_ROWS = 10_000;
    private static final Pattern TYPE_WORD = Pattern.compile("[A-Za-z]+");
    private static final Map<String, AttributeType> COLUMN_TYPES = Map.of("string", AttributeType.STRING,
            "number", AttributeType.NUMBER, "date", AttributeType.DATE, "boolean", AttributeType.BOOLEAN);

    private CsvCustomers() {
    }

    /** A customer of the file, as a batch item, and the row it came from. */
    record Row(int row, String customerId, String item) {
    }

    private record Column(int index, String name, AttributeType declared) {
        String describe(String header) {
            return "column " + (char) ('A' + index) + " \"" + header + "\"";
        }
    }

    /** @throws InputException listing every problem of the file when there is any; nothing has been sent then */
    static List<Row> read(Path file) {
        String name = file.getFileName().toString();
        List<CsvRecords.Record> records = CsvRecords.parse(utf8(file, name), name);
        List<String> problems = new ArrayList<>();
        if (records.isEmpty()) {
            throw InputException.rejected(name + ": the file is empty; a header row (customer id first) is expected;"
                    + " nothing was sent");
        }
        List<String> header = records.get(0).cells();
        List<CsvRecords.Record> rows = records.subList(1, records.size());
        if (header.size() > MAX_COLUMNS) {
            problems.add("the header has " + header.size() + " columns; at most " + MAX_COLUMNS + " are accepted");
        }
        if (rows.size() > MAX_ROWS) {
            problems.add("the file has " + rows.size() + " rows of customers; at most " + MAX_ROWS + " are accepted");
        }
        if (!problems.isEmpty()) {
            throw rejected(name, problems);
        }
        List<Column> columns = columns(header, problems);
        for (CsvRecords.Record row : rows) {
            if (row.cells().size() != header.size()) {
                problems.add("row " + row.row() + " has " + row.cells().size() + " cells; the header has "
                        + header.size());
            }
        }
        if (!problems.isEmpty()) {
            throw rejected(name, problems);
        }
        List<AttributeType> types = new ArrayList<>();
        for (Column column : columns) {
            types.add(column.declared() != null ? column.declared() : inferred(column, rows));
        }
        List<Row> customers = new ArrayList<>(rows.size());
        for (CsvRecords.Record row : rows) {
            String id = row.cells().get(0);
            String idProblem = ValueChecks.problemWithIdentifier(id, Limits.MAX_CUSTOMER_ID_LENGTH);
            if (idProblem != null) {
                problems.add("row " + row.row() + ", column A \"" + header.get(0) + "\" (the customer id): \"" + id
                        + "\" " + idProblem);
            }
            ObjectNode item = JsonNodes.FACTORY.objectNode().put("type", BatchRequestReader.CUSTOMER).put("id", id);
            ArrayNode attributes = item.putArray("attributes");
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                String cell = row.cells().get(column.index());
                if (cell.isBlank()) {
                    continue;
                }
                AttributeType type = types.get(c);
                JsonNode value = value(type, cell);
                String problem = value == null ? "is not a boolean (true or false)"
                        : ValueChecks.problemWithValue(type, value);
                if (problem != null && type == AttributeType.NUMBER && problem.startsWith("must be a number (got")) {
                    problem = "is not a number";
                }
                if (problem != null) {
                    problems.add("row " + row.row() + ", " + column.describe(header.get(column.index())) + " ("
                            + type.wireName() + "): \"" + cell + "\" " + problem);
                    continue;
                }
                attributes.addObject().put("name", column.name()).put("type", type.wireName()).set("value", value);
            }
            customers.add(new Row(row.row(), id, item.toString()));
        }
        if (!problems.isEmpty()) {
            throw rejected(name, problems);
        }
        return customers;
    }

    private static List<Column> columns(List<String> header, List<String> problems) {
        List<Column> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int index = 1; index < header.size(); index++) {
            String text = header.get(index);
            String name = text.trim();
            AttributeType declared = null;
            int colon = text.lastIndexOf(':');
            String where = "column " + (char) ('A' + index) + " \"" + text + "\"";
            if (colon >= 0 && TYPE_WORD.matcher(text.substring(colon + 1).trim()).matches()) {
                String word = text.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
                declared = COLUMN_TYPES.get(word);
                name = text.substring(0, colon).trim();
                if (declared == null) {
                    problems.add("header, " + where + ": \"" + word + "\" is not a column type; use string, number,"
                            + " date or boolean");
                    continue;
                }
            }
            String nameProblem = ValueChecks.problemWithIdentifier(name, Limits.MAX_NAME_LENGTH);
            if (nameProblem != null) {
                problems.add("header, " + where + ": the attribute name \"" + name + "\" " + nameProblem);
                continue;
            }
            if (!names.add(name)) {
                problems.add("header, " + where + ": \"" + name + "\" is the name of an earlier column too");
                continue;
            }
            if (CustomerRequestReader.RESERVED_ATTRIBUTES.contains(name)) {
                if (declared != null && declared != AttributeType.STRING) {
                    problems.add("header, " + where + ": " + name + " is a reserved string attribute; it cannot be "
                            + declared.wireName());
                    continue;
                }
                declared = AttributeType.STRING;
            }
            columns.add(new Column(index, name, declared));
        }
        return columns;
    }

    /** The type all the column's values have: boolean, number, date, else string. */
    private static AttributeType inferred(Column column, List<CsvRecords.Record> rows) {
        for (AttributeType candidate : List.of(AttributeType.BOOLEAN, AttributeType.NUMBER, AttributeType.DATE)) {
            boolean all = true;
            for (CsvRecords.Record row : rows) {
                String cell = row.cells().get(column.index());
                if (cell.isBlank()) {
                    continue;
                }
                JsonNode value = value(candidate, cell);
                if (value == null || ValueChecks.problemWithValue(candidate, value) != null) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return candidate;
            }
        }
        return AttributeType.STRING;
    }

    /** The cell as the JSON value sent for the type; null for a boolean cell that is not one. */
    private static JsonNode value(AttributeType type, String cell) {
        String trimmed = cell.trim();
        return switch (type) {
            case BOOLEAN -> trimmed.equalsIgnoreCase("true") ? JsonNodes.FACTORY.booleanNode(true)
                    : trimmed.equalsIgnoreCase("false") ? JsonNodes.FACTORY.booleanNode(false) : null;
            // A number written as text ("732.23") is read exactly by the API, and refused by the check when it is not one.
            case NUMBER, DATE -> JsonNodes.FACTORY.textNode(trimmed);
            default -> JsonNodes.FACTORY.textNode(cell);
        };
    }

    private static String utf8(Path file, String name) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw InputException.rejected(name + ": the file is not UTF-8 text; save it as CSV UTF-8; nothing was sent");
        }
    }

    private static InputException rejected(String name, List<String> problems) {
        StringBuilder message = new StringBuilder(name).append(": ").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems").append("; the file was rejected and nothing was sent:");
        problems.forEach(problem -> message.append("\n  ").append(problem));
        return InputException.rejected(message.toString());
    }
}
