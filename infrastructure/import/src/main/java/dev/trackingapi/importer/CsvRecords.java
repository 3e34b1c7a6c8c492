package dev.trackingapi.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV as RFC 4180 writes it (and spreadsheets export it): fields separated by commas, records by CRLF or LF, a field
 * in double quotes may hold commas, line breaks and doubled quotes. A byte-order mark at the start is dropped (Excel
 * writes one). Empty records (blank lines) are skipped.
 */
final class CsvRecords {
    private CsvRecords() {
    }

    /** One record and the row it starts on (the header is row 1), as a spreadsheet numbers it. */
    record Record(int row, List<String> cells) {
    }

    /** @throws InputException when a quoted field is not closed */
    static List<Record> parse(String text, String file) {
        List<Record> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int row = 1;
        int recordRow = 1;
        boolean quoted = false;
        boolean cellStarted = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        row++;
                    }
                    cell.append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && !cellStarted) {
                quoted = true;
                cellStarted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                cellStarted = false;
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
                continue;
            } else if (c == '\n') {
                cells.add(cell.toString());
                addUnlessBlank(records, recordRow, cells);
                cells = new ArrayList<>();
                cell.setLength(0);
                cellStarted = false;
                row++;
                recordRow = row;
            } else {
                cell.append(c);
                cellStarted = true;
            }
            i++;
        }
        if (quoted) {
            throw InputException.rejected(file + ": row " + recordRow + " opens a quoted field that is never closed;"
                    + " nothing was sent");
        }
        if (cellStarted || cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString());
            addUnlessBlank(records, recordRow, cells);
        }
        return records;
    }

    private static void addUnlessBlank(List<Record> records, int row, List<String> cells) {
        if (cells.size() == 1 && cells.get(0).isBlank()) {
            return;
        }
        records.add(new Record(row, List.copyOf(cells)));
    }
}
