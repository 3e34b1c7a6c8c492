package dev.trackingapi.admin;

import picocli.CommandLine;

import java.io.PrintWriter;

/** How each admin tool runs its picocli command line: its output, and every failure as one clear line. */
final class CommandLines {
    private CommandLines() {
    }

    /** Runs the tool; returns the exit code (0 done, 1 failed, 2 bad arguments). */
    static int execute(Object tool, String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(tool);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new FailureMessages());
        return commandLine.execute(args);
    }
}
