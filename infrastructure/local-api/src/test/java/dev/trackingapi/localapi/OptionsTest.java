package dev.trackingapi.localapi;

import dev.trackingapi.model.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The flags, without starting anything: defaults, forms, and one clear line (exit code 1) per mistake. */
class OptionsTest {

    @Test
    void noFlags_meanTheDocumentedDefaults() {
        Options options = Options.parse();

        assertThat(options.port()).isEqualTo(3000);
        assertThat(options.dynamoDbPort()).isEqualTo(8000);
        assertThat(options.dataDir()).isNull();
        assertThat(options.inMemory()).isFalse();
        assertThat(options.dynamoDbEndpoint()).isNull();
        assertThat(options.apiKeys()).isEmpty();
        assertThat(options.authorizerCacheSeconds()).isNull();
        assertThat(options.template()).isNull();
        assertThat(options.tablePrefix()).isEmpty();
        assertThat(options.help()).isFalse();
    }

    @Test
    void everyFlag_inBothForms() {
        Options options = Options.parse("--port=3100", "--dynamodb-port", "8100", "--data-dir", "some/dir",
                "--api-key", "shop-1:gtk_one", "--api-key=gtk_two", "--authorizer-cache-seconds", "0",
                "--template", "t.yaml", "--table-prefix=dev-");

        assertThat(options.port()).isEqualTo(3100);
        assertThat(options.dynamoDbPort()).isEqualTo(8100);
        assertThat(options.dataDir()).isEqualTo(Path.of("some/dir"));
        assertThat(options.apiKeys()).containsExactly(new Options.ApiKeyOption("shop-1", "gtk_one", Scope.ALL),
                new Options.ApiKeyOption("local", "gtk_two", Scope.ALL));
        assertThat(options.authorizerCacheSeconds()).isZero();
        assertThat(options.template()).isEqualTo(Path.of("t.yaml"));
        assertThat(options.tablePrefix()).isEqualTo("dev-");
        assertThat(Options.parse("--in-memory").inMemory()).isTrue();
        assertThat(Options.parse("--dynamodb-endpoint", "http://localhost:4566").dynamoDbEndpoint())
                .isEqualTo(URI.create("http://localhost:4566"));
    }

    @Test
    void apiKey_splitsAtTheFirstColon_andARepeatedKeyCountsOnce() {
        assertThat(Options.parse("--api-key", "shop:key:with:colons", "--api-key", "shop:key:with:colons").apiKeys())
                .containsExactly(new Options.ApiKeyOption("shop", "key:with:colons", Scope.ALL));
    }

    @Test
    void apiKey_endingInScopeNames_registersExactlyThoseScopes() {
        assertThat(Options.parse("--api-key", "acme:k1:track", "--api-key", "acme:k2:read,erase",
                "--api-key", "acme:k3:track,reed").apiKeys()).containsExactly(
                new Options.ApiKeyOption("acme", "k1", Set.of(Scope.TRACK)),
                new Options.ApiKeyOption("acme", "k2", Set.of(Scope.READ, Scope.ERASE)),
                new Options.ApiKeyOption("acme", "k3:track,reed", Scope.ALL));
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of(List.of("--port", "abc"), "--port must be a whole number from 0 to 65535, not 'abc'"),
                Arguments.of(List.of("--dynamodb-port", "65536"), "--dynamodb-port must be a whole number from 0"),
                Arguments.of(List.of("--port"), "--port needs a value"),
                Arguments.of(List.of("--data-dir", "--in-memory"), "--data-dir needs a value"),
                Arguments.of(List.of("--bogus"), "unknown option --bogus"),
                Arguments.of(List.of("stray"), "unexpected argument 'stray'"),
                Arguments.of(List.of("--port", "1", "--port", "2"), "--port is given more than once"),
                Arguments.of(List.of("--in-memory=yes"), "--in-memory takes no value"),
                Arguments.of(List.of("--in-memory", "--data-dir", "d"), "--in-memory and --data-dir exclude each other"),
                Arguments.of(List.of("--dynamodb-endpoint", "http://localhost:8000", "--in-memory"),
                        "--in-memory does not apply with --dynamodb-endpoint"),
                Arguments.of(List.of("--dynamodb-endpoint", "http://localhost:8000", "--data-dir", "d"),
                        "--data-dir does not apply with --dynamodb-endpoint"),
                Arguments.of(List.of("--dynamodb-endpoint", "localhost:8000"),
                        "--dynamodb-endpoint must be an http(s) URL"),
                Arguments.of(List.of("--port", "4000", "--dynamodb-port", "4000"), "they need two ports"),
                Arguments.of(List.of("--authorizer-cache-seconds", "3601"),
                        "--authorizer-cache-seconds must be a whole number from 0 to 3600"),
                Arguments.of(List.of("--api-key", "no#project:key"), "project 'no#project' is not valid"),
                Arguments.of(List.of("--api-key", "shop:has space"), "printable ASCII characters without spaces"),
                Arguments.of(List.of("--api-key", "a:k1", "--api-key", "b:k1"),
                        "the same key is given for projects a and b"),
                Arguments.of(List.of("--table-prefix", "no/slash"), "--table-prefix 'no/slash' is not valid"));
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void aMistake_isOneClearLine_andExitCode1(List<String> args, String expected) {
        assertThatThrownBy(() -> Options.parse(args.toArray(String[]::new)))
                .isInstanceOf(LocalApiException.class).hasMessageContaining(expected);

        LocalApiTesting.Outcome outcome = LocalApiTesting.run(args.toArray(String[]::new));

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.out()).isEmpty();
        assertThat(LocalApiTesting.lines(outcome.err())).hasSize(1);
        assertThat(outcome.err()).startsWith(LocalApiMain.PREFIX).contains(expected)
                .endsWith("(--help lists the options)" + System.lineSeparator());
    }

    @Test
    void help_printsEveryFlag_andExitsZero() {
        LocalApiTesting.Outcome outcome = LocalApiTesting.run("--port", "1", "--help");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.err()).isEmpty();
        assertThat(outcome.api()).isNull();
        assertThat(outcome.out()).startsWith("Usage: infrastructure/local-api/start.sh");
        for (String flag : List.of("--port", "--dynamodb-port", "--data-dir", "--in-memory", "--dynamodb-endpoint",
                "--table-prefix", "--api-key", "--authorizer-cache-seconds", "--template", "--help")) {
            assertThat(outcome.out()).contains(flag);
        }
    }
}
