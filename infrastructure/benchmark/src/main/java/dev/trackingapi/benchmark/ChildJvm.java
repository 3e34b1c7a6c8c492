package dev.trackingapi.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A fresh JVM started with the Lambda runtime's flags (serial GC, tiered compilation stopped at level 1, as the
 * template's JAVA_TOOL_OPTIONS set), timed from process start to the line it prints when its work is done.
 */
final class ChildJvm {
    static final List<String> LAMBDA_FLAGS = List.of("-XX:+UseSerialGC", "-Xshare:auto", "-Xmx512m",
            "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");

    private ChildJvm() {
    }

    record Outcome(long nanosToLine, String line) {
    }

    /** Runs {@code mainClass} and returns the time until it printed a line starting with {@code marker}. */
    static Outcome run(String classpath, String mainClass, List<String> arguments, Map<String, String> environment,
                       String marker) {
        return run(List.of(), classpath, mainClass, arguments, environment, marker);
    }

    static Outcome run(List<String> extraFlags, String classpath, String mainClass, List<String> arguments,
                       Map<String, String> environment, String marker) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAMBDA_FLAGS);
        command.addAll(extraFlags);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(arguments);
        Path errors;
        try {
            errors = Files.createTempFile("child-jvm", ".err");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(environment);
        try {
            long started = System.nanoTime();
            Process process = builder.start();
            String found = null;
            long at = 0;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith(marker)) {
                        at = System.nanoTime();
                        found = line;
                        break;
                    }
                }
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            if (found == null) {
                throw new IllegalStateException("the child JVM (" + mainClass + " " + arguments + ") printed no "
                        + marker + " line; its stderr:\n" + Files.readString(errors));
            }
            return new Outcome(at - started, found);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            try {
                Files.deleteIfExists(errors);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }
}
