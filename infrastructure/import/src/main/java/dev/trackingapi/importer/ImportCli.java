package dev.trackingapi.importer;

import dev.trackingapi.validation.Limits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code import.sh --url URL --key KEY FILE...}: sends events and customers (NDJSON, one batch item per line) and
 * customer lists (CSV) to the tracking API through POST /track/batch. The key comes from {@code --key} or the
 * environment ({@value #KEY_VARIABLE}) and is never printed.
 */
@Command(name = "import.sh", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Send events and customers to the tracking API in batches, with a result per item.",
                "NDJSON files (.ndjson, .jsonl, .json) hold one batch item per line: {\"type\":\"event\",...} as"
                        + " /track/event/v2 takes it, or {\"type\":\"customer\",...} as /track/user takes it.",
                "CSV files (.csv) are customer lists: a header row, the customer id first, at most 25 columns and"
                        + " 10,000 rows; a column's type is declared in its header (Plan:string, Lifetime Value:number,"
                        + " Signed Up:date, Newsletter:boolean) or inferred from its values. A cell that does not fit"
                        + " its column rejects the file before anything is sent."},
        footer = {"", "Exit code: 0 every item stored; 1 some items (or a CSV file) rejected; 2 bad arguments;"
                + " 3 stopped before the end (resume with --resume).", "", "Examples:",
                "  TRACKING_API_KEY=gtk_... import.sh --url http://localhost:3000 orders.ndjson customers.csv",
                "  import.sh --url https://abc123.execute-api.eu-west-1.amazonaws.com --resume orders.ndjson"})
public final class ImportCli implements Callable<Integer> {
    static final String KEY_VARIABLE = "TRACKING_API_KEY";
    private static final String HIDDEN = "gtk_…(hidden)";

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "The API's base URL: the stack's ApiUrl output, or http://localhost:3000 for the local API.")
    String url;

    @Option(names = "--key", paramLabel = "KEY",
            description = "The API key (may track). Default: $" + KEY_VARIABLE + ", which keeps it out of the process list.")
    String key;

    @Option(names = "--resume", description = "Continue an interrupted import of the same files from its checkpoint.")
    boolean resume;

    @Option(names = "--batch-size", paramLabel = "N", description = "Items per batch, 1 to 1000. Default: 1000.")
    int batchSize = Limits.MAX_BATCH_ITEMS;

    @Option(names = "--in-flight", paramLabel = "N", description = "Batches sent at once, 1 to 16. Default: 4.")
    int inFlight = 4;

    @Option(names = "--max-attempts", paramLabel = "N",
            description = "Answers in a row without progress (429, 5xx, no answer, every item unavailable) before the"
                    + " import stops, to be resumed later. Default: 10 (about 2 minutes of backoff).")
    int maxAttempts = 10;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "Where the acknowledged lines are kept. Default: the first FILE + .checkpoint.")
    Path checkpoint;

    @Option(names = "--rejected", paramLabel = "FILE",
            description = "Where rejected items go, with their line numbers and reasons. Default: the first FILE"
                    + " + .rejected.ndjson.")
    Path rejected;

    @Option(names = "--progress", paramLabel = "MODE",
            description = "bar (redrawn in place), lines (one every few seconds) or none. Default: bar on a terminal,"
                    + " lines otherwise.")
    String progress = "auto";

    @Option(names = "--progress-every", paramLabel = "SECONDS",
            description = "How often a plain progress line is written. Default: 5.")
    int progressEvery = 5;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "NDJSON or CSV files, imported in this order.")
    List<Path> files;

    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    ImportCli(Map<String, String> environment, PrintStream out, PrintStream err, boolean terminal) {
        this.environment = environment;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err, System.console() != null));
    }

    /** Runs the importer; returns its exit code. */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err,
                          boolean terminal) {
        CommandLine commandLine = new CommandLine(new ImportCli(environment, out, err, terminal));
        commandLine.setOut(new java.io.PrintWriter(out, true));
        commandLine.setErr(new java.io.PrintWriter(err, true));
        commandLine.setParameterExceptionHandler((problem, arguments) -> {
            err.println("error: " + withoutKeys(problem.getMessage(), arguments));
            err.println("Run import.sh --help for the options.");
            return InputException.USAGE;
        });
        commandLine.setExecutionExceptionHandler((problem, line, parsed) -> {
            if (problem instanceof InputException input) {
                err.println((input.exitCode() == InputException.USAGE ? "error: " : "") + input.getMessage());
                return input.exitCode();
            }
            if (problem instanceof UncheckedIOException io) {
                err.println("error: " + io.getMessage());
                return InputException.USAGE;
            }
            throw problem;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws InterruptedException {
        String apiKey = key != null ? key : environment.get(KEY_VARIABLE);
        if (apiKey == null || apiKey.isBlank()) {
            throw new InputException("no API key: pass --key KEY or set " + KEY_VARIABLE);
        }
        requireBetween("--batch-size", batchSize, 1, Limits.MAX_BATCH_ITEMS);
        requireBetween("--in-flight", inFlight, 1, 16);
        requireBetween("--max-attempts", maxAttempts, 1, 1_000);
        requireBetween("--progress-every", progressEvery, 1, 3_600);
        Progress.Mode mode = switch (progress) {
            case "auto" -> terminal ? Progress.Mode.BAR : Progress.Mode.LINES;
            case "bar" -> Progress.Mode.BAR;
            case "lines" -> Progress.Mode.LINES;
            case "none" -> Progress.Mode.NONE;
            default -> throw new InputException("--progress is bar, lines or none, not " + progress);
        };
        Path first = files.get(0).toAbsolutePath();
        Importer importer = new Importer(new Importer.Settings(baseUrl(url), apiKey, files, resume, batchSize,
                inFlight, checkpoint != null ? checkpoint : first.resolveSibling(first.getFileName() + ".checkpoint"),
                rejected != null ? rejected : first.resolveSibling(first.getFileName() + ".rejected.ndjson"), mode,
                maxAttempts, progressEvery * 1_000L), out, err);
        Thread interrupted = new Thread(() -> {
            if (!importer.finished()) {
                err.println();
                err.println("Interrupted: what was acknowledged is saved in " + importer.checkpointLocation()
                        + "; run the same command with --resume to send the rest.");
            }
        });
        Runtime.getRuntime().addShutdownHook(interrupted);
        try {
            return importer.run();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(interrupted);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it says what to do.
            }
        }
    }

    /** http(s)://host[:port][/stage], without a trailing slash, a query or credentials. */
    static URI baseUrl(String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new InputException("--url is not a URL: " + text);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                || uri.getHost() == null || uri.getUserInfo() != null || uri.getQuery() != null
                || uri.getFragment() != null) {
            throw new InputException("--url must be an http(s) base URL such as http://localhost:3000 or the stack's"
                    + " ApiUrl, not " + text);
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        if (path.endsWith("/track/batch")) {
            path = path.substring(0, path.length() - "/track/batch".length());
        }
        return URI.create(uri.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + uri.getRawAuthority() + path);
    }

    private static void requireBetween(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InputException(option + " is " + min + " to " + max + ", not " + value);
        }
    }

    /** A message about the arguments, with any key in them (after --key, or looking like one) hidden. */
    static String withoutKeys(String message, String[] arguments) {
        String hidden = message;
        for (int i = 0; i < arguments.length; i++) {
            String argument = arguments[i];
            boolean afterKey = i > 0 && arguments[i - 1].equals("--key");
            if (argument.startsWith("--key=")) {
                argument = argument.substring("--key=".length());
                afterKey = true;
            }
            if ((afterKey || argument.startsWith("gtk_")) && !argument.isEmpty()) {
                hidden = hidden.replace(argument, HIDDEN);
            }
        }
        return hidden;
    }
}
