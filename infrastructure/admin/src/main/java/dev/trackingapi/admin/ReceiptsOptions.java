package dev.trackingapi.admin;

import picocli.CommandLine.Option;

/** The erasure receipts table and, for the commands that need them, the customers and events tables. */
final class ReceiptsOptions extends ConnectionOptions {
    static final String RECEIPTS_VARIABLE = "ERASURE_RECEIPTS_TABLE";
    static final String CUSTOMERS_VARIABLE = "CUSTOMERS_TABLE";
    static final String EVENTS_VARIABLE = "EVENTS_TABLE";

    @Option(names = "--table", paramLabel = "NAME", description = "The erasure receipts table: the stack"
            + " output ErasureReceiptsTableName (default: $ERASURE_RECEIPTS_TABLE).")
    String receiptsTable = System.getenv(RECEIPTS_VARIABLE);

    @Option(names = "--customers-table", paramLabel = "NAME", description = "The customers table, for find and erase:"
            + " the stack output CustomersTableName (default: $CUSTOMERS_TABLE).")
    String customersTable = System.getenv(CUSTOMERS_VARIABLE);

    @Option(names = "--events-table", paramLabel = "NAME", description = "The events table, for erase: the stack"
            + " output EventsTableName (default: $EVENTS_TABLE).")
    String eventsTable = System.getenv(EVENTS_VARIABLE);

    @Override
    String table() {
        return required(receiptsTable, "--table", "erasure receipts table", "ErasureReceiptsTableName",
                RECEIPTS_VARIABLE);
    }

    String customersTable() {
        return required(customersTable, "--customers-table", "customers table", "CustomersTableName",
                CUSTOMERS_VARIABLE);
    }

    String eventsTable() {
        return required(eventsTable, "--events-table", "events table", "EventsTableName", EVENTS_VARIABLE);
    }
}
