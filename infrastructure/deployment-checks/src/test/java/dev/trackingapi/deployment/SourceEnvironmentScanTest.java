package dev.trackingapi.deployment;

import dev.trackingapi.config.EnvironmentVariables;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The functions' sources read the environment only through EnvironmentVariables, by its constants, so that the
 * per-function checks (FunctionProbesIT) and the template checks see every variable there is.
 */
class SourceEnvironmentScanTest {
    private static final Pattern RAW_READ = Pattern.compile("getenv|System\\.getProperty|ProcessEnvironment");
    private static final Pattern READ = Pattern.compile(
            "\\.(?:required|optional)\\(\\s*(?:EnvironmentVariables\\.)?([A-Za-z_][A-Za-z0-9_]*)\\s*\\)");
    private static final Path MAIN = Repository.functions().resolve("src/main/java");

    @Test
    void onlyEnvironmentVariables_readsTheProcessEnvironment() throws IOException {
        List<String> rawReads = new ArrayList<>();
        for (Path source : sources()) {
            String text = Files.readString(source);
            Matcher matcher = RAW_READ.matcher(text);
            while (matcher.find()) {
                rawReads.add(MAIN.relativize(source) + ": " + matcher.group());
            }
        }
        assertThat(rawReads).containsExactly("dev/trackingapi/config/EnvironmentVariables.java: getenv");
    }

    @Test
    void everyVariableReadThroughEnvironmentVariables_isOneOfItsConstants() throws Exception {
        Set<String> read = new TreeSet<>();
        for (Path source : sources()) {
            Matcher matcher = READ.matcher(Files.readString(source));
            while (matcher.find()) {
                read.add(matcher.group(1));
            }
        }
        Set<String> constants = new TreeSet<>();
        for (var field : EnvironmentVariables.class.getFields()) {
            if (field.getType() == String.class) {
                constants.add(field.getName());
            }
        }
        // The scan must see the reads it exists for, or it proves nothing.
        assertThat(read).contains("AWS_REGION", "EVENTS_TABLE", "CUSTOMERS_TABLE", "ATTRIBUTE_TYPES_TABLE",
                "API_KEYS_TABLE", "API_KEY_CACHE_SECONDS", "DYNAMODB_ENDPOINT");
        assertThat(constants).containsAll(read);
        assertThat(read).as("a constant nobody reads is a variable the template sets for nothing")
                .containsAll(constants);
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(path -> path.toString().endsWith(".java")).sorted().toList();
        }
    }
}
