package dev.trackingapi.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The classpaths the build wrote down, so that child JVMs get exactly what a deployment would hold. */
final class Classpaths {
    private Classpaths() {
    }

    /** functions as deployed (its jar and runtime dependencies), plus one extra directory of classes. */
    static String functions(Path repository, Path extraClasses) {
        Path functions = repository.resolve("functions/target");
        return jarOf(functions, "tracking-functions") + java.io.File.pathSeparator
                + read(functions.resolve("runtime-classpath.txt")) + java.io.File.pathSeparator + extraClasses;
    }

    /**
     * functions as deployed, plus this harness's classes (a child main, the SDK floor handler, the crac stand-in) and
     * the baseline's (the child that builds API Gateway events).
     */
    static String functionsWithHarness(Path repository) {
        return functions(repository, benchmarkClasses(repository)) + java.io.File.pathSeparator
                + baselineClasses(repository);
    }

    /** {@link #functionsWithHarness}, plus the jars the AWS EMF library and Powertools metrics would add to a package. */
    static String functionsWithHarnessAndEmfLibraries(Path repository) {
        return functionsWithHarness(repository) + java.io.File.pathSeparator
                + read(repository.resolve("infrastructure/benchmark/target/emf-libraries-classpath.txt"));
    }

    static String baseline(Path repository) {
        Path baseline = repository.resolve("infrastructure/benchmark-baseline/target");
        return baseline.resolve("classes") + java.io.File.pathSeparator + read(baseline.resolve("runtime-classpath.txt"));
    }

    static Path baselineClasses(Path repository) {
        return repository.resolve("infrastructure/benchmark-baseline/target/classes");
    }

    static Path benchmarkClasses(Path repository) {
        return repository.resolve("infrastructure/benchmark/target/classes");
    }

    static Path jarOf(Path target, String artifact) {
        try (var files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().matches(artifact + "-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + artifact + " jar in " + target
                            + ": build first (infrastructure/benchmark/run.sh does)"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + target, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new IllegalStateException("missing " + file + ": build first (infrastructure/benchmark/run.sh does)", e);
        }
    }
}
