package dev.trackingapi.admin;

import picocli.CommandLine.Command;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * {@code erasure-receipts.sh list|show|find|erase}: the receipts DELETE /customers/{id} keeps, against AWS (default
 * credential chain and region) or DynamoDB Local ({@code --endpoint-url}). Receipts hold no personal data.
 */
@Command(name = "erasure-receipts.sh", mixinStandardHelpOptions = true,
        description = "List, show and find the receipts of customer erasures; erase a customer the API cannot name.",
        subcommands = {ListReceiptsCommand.class, ShowReceiptCommand.class, FindReceiptsCommand.class,
                EraseCustomerCommand.class},
        footer = {"", "Examples:",
                "  erasure-receipts.sh list --project store-42 --table <ErasureReceiptsTableName>",
                "  erasure-receipts.sh show --id er_Xq3v0xG2uOQeJ9l1s1wK7A --table <ErasureReceiptsTableName>",
                "  erasure-receipts.sh find --project store-42 --customer john@gmail.com --table <ErasureReceiptsTableName>"
                        + " --customers-table <CustomersTableName>",
                "  erasure-receipts.sh erase --project store-42 --customer 'a/b' --table <ErasureReceiptsTableName>"
                        + " --customers-table <CustomersTableName> --events-table <EventsTableName>",
                "  erasure-receipts.sh list --project local --endpoint-url http://localhost:8000 --table ErasureReceiptsTable"})
public final class ErasureReceiptsCli implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the tool; returns the exit code (0 done, 1 failed, 2 bad arguments). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return CommandLines.execute(new ErasureReceiptsCli(), args, out, err);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a command: list, show, find or erase");
    }
}
