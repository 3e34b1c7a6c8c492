package dev.trackingapi.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packages of the functions' main code depend on each other without a cycle, so each has one place in the
 * layering (model and validation at the bottom, entry points at the top). Dependencies are read from the sources: every
 * import, static import and fully qualified name of one of our types.
 */
class PackageCyclesTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\b(dev\\.trackingapi(?:\\.[a-z]\\w*)+)\\.[A-Z]");
    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*[\\s\\S]*?\\*/");

    @Test
    void noPackageDependsOnItselfThroughOthers() throws IOException {
        Map<String, Set<String>> dependencies = dependencies();

        assertThat(dependencies).as("the scan must see the packages it exists for")
                .containsKeys("dev.trackingapi.model", "dev.trackingapi.service", "dev.trackingapi.entrypoints");
        assertThat(cycles(dependencies)).isEmpty();
    }

    @Test
    void aCycle_isFound() {
        Map<String, Set<String>> withCycle = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of());

        assertThat(cycles(withCycle)).containsExactly("a -> b -> c -> a");
    }

    private static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> dependencies = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path source : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String text = COMMENT.matcher(Files.readString(source)).replaceAll("");
                Matcher declared = PACKAGE.matcher(text);
                if (!declared.find()) {
                    continue;
                }
                String own = declared.group(1);
                Set<String> used = dependencies.computeIfAbsent(own, p -> new TreeSet<>());
                Matcher reference = REFERENCE.matcher(text.substring(declared.end()));
                while (reference.find()) {
                    if (!reference.group(1).equals(own)) {
                        used.add(reference.group(1));
                    }
                }
            }
        }
        return dependencies;
    }

    /** Each cycle once, as "a -> b -> a", found by a depth-first walk from every package in name order. */
    static List<String> cycles(Map<String, Set<String>> dependencies) {
        List<String> cycles = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        Map<String, Integer> onPath = new HashMap<>();
        Deque<String> path = new ArrayDeque<>();
        for (String start : new TreeSet<>(dependencies.keySet())) {
            walk(start, dependencies, seen, onPath, path, cycles);
        }
        return cycles;
    }

    private static void walk(String node, Map<String, Set<String>> dependencies, Set<String> seen,
                             Map<String, Integer> onPath, Deque<String> path, List<String> cycles) {
        if (onPath.containsKey(node)) {
            List<String> cycle = new ArrayList<>(path).subList(onPath.get(node), path.size());
            cycles.add(String.join(" -> ", cycle) + " -> " + node);
            return;
        }
        if (!seen.add(node)) {
            return;
        }
        onPath.put(node, path.size());
        path.addLast(node);
        for (String next : new TreeSet<>(dependencies.getOrDefault(node, Set.of()))) {
            walk(next, dependencies, seen, onPath, path, cycles);
        }
        path.removeLast();
        onPath.remove(node);
    }
}
