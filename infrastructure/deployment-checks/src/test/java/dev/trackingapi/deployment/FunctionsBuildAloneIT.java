package dev.trackingapi.deployment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `sam build` copies CodeUri (functions/) alone to a scratch folder, runs `mvn clean install` there, then
 * `mvn dependency:copy-dependencies -DincludeScope=runtime -Dmdep.prependGroupId=true`, and deploys target/classes
 * with target/dependency as lib/. The same here (offline, tests skipped: the module's own build runs them), and the
 * result must be what this module's deployment package holds.
 */
class FunctionsBuildAloneIT {
    @TempDir
    Path scratch;

    @Test
    void functions_buildsFromACopyOfItsFolderAlone_intoWhatTheDeploymentPackageHolds() throws Exception {
        Path copy = scratch.resolve("functions");
        copyWithoutBuildOutput(Repository.functions(), copy);
        assertThat(copy.resolve("pom.xml")).isRegularFile();

        List<String> command = new ArrayList<>(List.of(maven(), "-B", "-q", "-o", "-DskipTests", "package",
                System.getProperty("dependency.plugin") + ":copy-dependencies",
                "-DincludeScope=runtime", "-Dmdep.prependGroupId=true"));
        String localRepository = System.getProperty("local.repository");
        if (localRepository != null && !localRepository.isBlank()) {
            command.add("-Dmaven.repo.local=" + localRepository);
        }
        Path log = scratch.resolve("build.log");
        Process build = new ProcessBuilder(command).directory(copy.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!build.waitFor(8, TimeUnit.MINUTES)) {
            build.destroyForcibly();
            throw new AssertionError("the functions-alone build did not finish within 8 minutes");
        }
        assertThat(build.exitValue()).as(Files.readString(log, StandardCharsets.UTF_8)).isZero();

        assertThat(copy.resolve("target/tracking-functions-1.0.0-SNAPSHOT.jar")).isRegularFile();
        List<String> samLayout = new ArrayList<>(relativeFiles(copy.resolve("target/classes"), ""));
        samLayout.addAll(relativeFiles(copy.resolve("target/dependency"), "lib/"));
        List<String> packaged = DeploymentPackage.files().stream()
                .filter(file -> !file.startsWith("META-INF/")).toList();
        assertThat(new TreeSet<>(packaged)).isEqualTo(new TreeSet<>(samLayout));
    }

    private static String maven() {
        String home = System.getProperty("maven.home");
        Path mvn = home == null ? null : Path.of(home, "bin", "mvn");
        return mvn != null && Files.isExecutable(mvn) ? mvn.toString() : "mvn";
    }

    private static void copyWithoutBuildOutput(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path relative = from.relativize(source);
                if (relative.startsWith("target")) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static List<String> relativeFiles(Path root, String prefix) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> prefix + root.relativize(file).toString().replace('\\', '/')).sorted().toList();
        }
    }
}
