package dev.trackingapi.localapi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands of the repository's Markdown pages work as written. Every fence opened with {@code ```sh runnable} is
 * run with bash from the repository root against a local API started here (in memory, on free ports), after three
 * substitutions: {@value #DOCUMENTED_API} and {@value #DOCUMENTED_DYNAMODB} become this API's URL and DynamoDB
 * endpoint, and {@value #DOCUMENTED_KEY} its key. functions/TESTING.md documents the convention.
 */
class DocumentedCommandsIT {
    /** How many runnable blocks the pages hold at least: deleting markers must fail this test, not shrink it. */
    static final int MIN_RUNNABLE_BLOCKS = 15;
    static final String RUNNABLE = "runnable";
    static final String DOCUMENTED_API = "http://localhost:3000";
    static final String DOCUMENTED_DYNAMODB = "http://localhost:8000";
    static final String DOCUMENTED_KEY = "gtk_...";
    private static final String KEY = "gtk_documented_commands_it_0000000000000000";
    private static final Duration BLOCK_TIMEOUT = Duration.ofMinutes(3);
    /** A documented curl fails on an HTTP error status, so a refused request fails its block; a failure says where. */
    private static final String PRELUDE = """
            set -E
            curl() { command curl --fail-with-body --show-error "$@"; }
            trap 'echo "@@ line $([ -n "${FUNCNAME[0]:-}" ] && echo "${BASH_LINENO[0]}" || echo "$LINENO") \
            of the block failed: $BASH_COMMAND" >&2' ERR
            """;
    private static final Pattern FAILED_LINE = Pattern.compile("@@ line (\\d+) of the block failed: (.*)");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})\\s*(.*)$");
    private static final Pattern AWS_COMMAND = Pattern.compile("(?m)(^|[;&|(]|\\$\\()\\s*aws\\s");
    private static final Pattern REPOSITORY_PATH = Pattern.compile(
            "(?<![\\w./-])((?:functions|infrastructure|events)/[\\w./-]*[\\w]|template\\.yaml|\\.ci/run|pom\\.xml)");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    private static LocalApiTesting.Running running;

    @TempDir
    static Path scratch;

    /** One fenced block: where it starts (the fence's line, 1-based), its info string and its text. */
    record Block(Path file, int line, String info, String text) {
        String language() {
            return info.isBlank() ? "" : info.trim().split("\\s+")[0].toLowerCase(Locale.ROOT);
        }

        boolean runnable() {
            return List.of(info.trim().split("\\s+")).contains(RUNNABLE);
        }

        boolean shell() {
            return Set.of("sh", "bash", "shell", "console").contains(language());
        }

        String where() {
            return LocalApiTesting.ROOT.relativize(file) + ":" + line;
        }
    }

    @BeforeAll
    static void start() {
        running = LocalApiTesting.start("--in-memory", "--port", "0", "--dynamodb-port", "0",
                "--api-key", "local:" + KEY);
    }

    @AfterAll
    static void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void everyRunnableBlock_runsWithoutError_againstTheLocalApi() throws IOException {
        List<Block> runnable = blocks(Block::runnable);
        assertThat(runnable.stream().map(Block::where).toList())
                .as("runnable blocks found (fences opened with ```sh runnable)")
                .hasSizeGreaterThanOrEqualTo(MIN_RUNNABLE_BLOCKS);
        Path prelude = Files.writeString(scratch.resolve("prelude.sh"), PRELUDE);
        boolean awsInstalled = onPath("aws");

        List<String> failures = new ArrayList<>();
        int ran = 0;
        for (Block block : runnable) {
            String script = substituted(block.text());
            if (AWS_COMMAND.matcher(script).find() && !awsInstalled) {
                System.out.println("SKIPPED " + block.where() + ": the aws CLI is not installed");
                continue;
            }
            long started = System.nanoTime();
            Result result = run(block, script, prelude);
            ran++;
            System.out.printf("%s %s (%d ms)%n", result.exitCode() == 0 ? "OK     " : "FAILED ", block.where(),
                    (System.nanoTime() - started) / 1_000_000);
            if (result.exitCode() != 0) {
                failures.add(failure(block, script, result));
            }
        }
        assertThat(failures).as("documented commands that failed").isEmpty();
        assertThat(ran).as("runnable blocks run (the others were skipped for a missing tool)").isPositive();
    }

    @Test
    void theRunnableMarker_isOnlyOnShBlocks_thatNameNoPortTheRunnerCannotReplace() {
        List<String> problems = new ArrayList<>();
        for (Block block : blocks(Block::runnable)) {
            if (!block.language().equals("sh")) {
                problems.add(block.where() + ": runnable, but ```" + block.language() + " (only ```sh runnable runs)");
            }
            String script = substituted(block.text());
            for (String documented : List.of("localhost:3000", "localhost:8000", "127.0.0.1:3000", "127.0.0.1:8000")) {
                if (script.contains(documented)) {
                    problems.add(block.where() + ": names " + documented + " in a form the runner does not replace"
                            + " (write " + DOCUMENTED_API + " or " + DOCUMENTED_DYNAMODB + ")");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyRepositoryPathInAShellBlock_exists() {
        List<String> missing = new ArrayList<>();
        for (Block block : blocks(Block::shell)) {
            Matcher path = REPOSITORY_PATH.matcher(block.text());
            while (path.find()) {
                if (!Files.exists(LocalApiTesting.ROOT.resolve(path.group(1)))) {
                    missing.add(block.where() + ": " + path.group(1));
                }
            }
        }
        assertThat(missing).as("paths named in shell blocks (relative to the repository root)").isEmpty();
    }

    @Test
    void everyRelativeLinkOfThePages_pointsToAnExistingFileAndHeading() {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            List<String> lines = outsideFences(page);
            for (int i = 0; i < lines.size(); i++) {
                Matcher link = LINK.matcher(lines.get(i));
                while (link.find()) {
                    String target = link.group(1);
                    if (target.matches("^[a-z]+:.*")) {
                        continue;
                    }
                    int hash = target.indexOf('#');
                    String file = hash < 0 ? target : target.substring(0, hash);
                    Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                    String where = LocalApiTesting.ROOT.relativize(page) + ":" + (i + 1) + ": " + target;
                    if (!Files.exists(resolved)) {
                        broken.add(where + " (no such file)");
                    } else if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
                        broken.add(where + " (no such heading)");
                    }
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    private static String failure(Block block, String script, Result result) {
        String where = block.where();
        Matcher failed = FAILED_LINE.matcher(result.output());
        while (failed.find()) {
            where = LocalApiTesting.ROOT.relativize(block.file()) + ":" + (block.line() + Integer.parseInt(failed.group(1)))
                    + " (" + failed.group(2) + ")";
        }
        return where + " exited with " + result.exitCode() + " (block at " + block.where() + ")\n--- the block, as run:\n"
                + script + "--- its output:\n" + result.output();
    }

    private static String substituted(String text) {
        return text.replace(DOCUMENTED_API, running.api().url().toString())
                .replace(DOCUMENTED_DYNAMODB, running.api().dynamoDbEndpoint().toString())
                .replace(DOCUMENTED_KEY, KEY);
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(Block block, String script, Path prelude) throws IOException {
        Path file = Files.writeString(scratch.resolve("block-" + block.line() + ".sh"), script);
        Path output = scratch.resolve("block-" + block.line() + ".out");
        ProcessBuilder builder = new ProcessBuilder("bash", "-e", "-u", "-o", "pipefail", file.toString())
                .directory(LocalApiTesting.ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("BASH_ENV", prelude.toString());
        builder.environment().put("AWS_PAGER", "");
        Process process = builder.start();
        try {
            if (!process.waitFor(BLOCK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return new Result(-1, Files.readString(output) + "\n(timed out after " + BLOCK_TIMEOUT + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException(e);
        }
        return new Result(process.exitValue(), Files.readString(output));
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).filter(entry -> !entry.isEmpty())
                .anyMatch(entry -> Files.isExecutable(Path.of(entry, command)));
    }

    /** Every Markdown page of the repository, outside build output and hidden folders. */
    static List<Path> pages() {
        List<Path> pages = new ArrayList<>();
        try {
            Files.walkFileTree(LocalApiTesting.ROOT, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name = dir.getFileName().toString();
                    return !dir.equals(LocalApiTesting.ROOT) && (name.startsWith(".") || name.equals("target")
                            || name.equals("node_modules")) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (file.getFileName().toString().endsWith(".md")) {
                        pages.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages.stream().sorted().toList();
    }

    /** The fenced blocks of every page, in order, that are of the kind asked for. */
    static List<Block> blocks(Predicate<Block> kind) {
        List<Block> blocks = new ArrayList<>();
        for (Path page : pages()) {
            List<String> lines = read(page);
            for (int i = 0; i < lines.size(); i++) {
                Matcher open = FENCE.matcher(lines.get(i));
                if (!open.matches()) {
                    continue;
                }
                String fence = open.group(1);
                StringBuilder text = new StringBuilder();
                int close = i + 1;
                while (close < lines.size() && !isClosing(lines.get(close), fence)) {
                    text.append(lines.get(close)).append('\n');
                    close++;
                }
                Block block = new Block(page, i + 1, open.group(2), text.toString());
                if (kind.test(block)) {
                    blocks.add(block);
                }
                i = close;
            }
        }
        return blocks;
    }

    private static boolean isClosing(String line, String fence) {
        String trimmed = line.strip();
        return trimmed.length() >= fence.length() && trimmed.chars().allMatch(c -> c == fence.charAt(0));
    }

    /** The page's lines, with the lines of fenced blocks blanked (links there are code, not links). */
    private static List<String> outsideFences(Path page) {
        List<String> lines = new ArrayList<>(read(page));
        String fence = null;
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (fence == null && open.matches()) {
                fence = open.group(1);
                lines.set(i, "");
            } else if (fence != null) {
                if (isClosing(lines.get(i), fence)) {
                    fence = null;
                }
                lines.set(i, "");
            }
        }
        return lines;
    }

    /** The anchors a forge gives a page's headings: lower case, punctuation dropped, spaces as hyphens. */
    private static Set<String> anchors(Path page) {
        if (!page.getFileName().toString().endsWith(".md")) {
            return Set.of();
        }
        Set<String> anchors = new HashSet<>();
        for (String line : outsideFences(page)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                anchors.add(heading.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
                        .replace(' ', '-'));
            }
        }
        return anchors;
    }

    private static List<String> read(Path page) {
        try {
            return Files.readAllLines(page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
