package dev.trackingapi.localapi;

import java.io.PrintStream;

/**
 * The command: parses the flags, starts the local API, and stops it cleanly on Ctrl-C (SIGINT) or SIGTERM. Any
 * problem at startup is one line on stderr and exit code 1, never a stack trace.
 */
public final class LocalApiMain {
    static final String PREFIX = "local-api: ";

    private LocalApiMain() {
    }

    /** What {@link #start} ended with: the exit code, and the running API when it started. */
    record Started(int exitCode, LocalApi api) {
    }

    public static void main(String[] args) throws InterruptedException {
        run(args, LocalHandlers.TEMPLATE);
    }

    /** Runs the API until it is stopped, with these handlers; exits the JVM with 1 when it cannot start. */
    static void run(String[] args, LocalHandlers.Catalogue handlers) throws InterruptedException {
        Started started = start(args, System.out, System.err, handlers);
        if (started.api() == null) {
            System.exit(started.exitCode());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(started.api()::close, "local-api-shutdown"));
        started.api().awaitStopped();
    }

    /** Parses and starts, without exiting the JVM: main does that, tests read the exit code and the output. */
    static Started start(String[] args, PrintStream out, PrintStream err, LocalHandlers.Catalogue handlers) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (LocalApiException e) {
            err.println(PREFIX + e.getMessage() + " (--help lists the options)");
            return new Started(1, null);
        }
        if (options.help()) {
            out.print(Options.USAGE);
            return new Started(0, null);
        }
        try {
            return new Started(0, LocalApi.start(options, out, handlers));
        } catch (LocalApiException e) {
            err.println(PREFIX + e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            err.println(PREFIX + "could not start: " + e.getClass().getSimpleName() + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        return new Started(1, null);
    }
}
