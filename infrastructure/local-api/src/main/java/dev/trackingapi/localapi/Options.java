package dev.trackingapi.localapi;

import dev.trackingapi.auth.ApiKeys;
import dev.trackingapi.auth.ProjectIds;
import dev.trackingapi.model.Scope;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The command line of the local API, validated as a whole: every mistake is one clear line. */
record Options(int port, int dynamoDbPort, Path dataDir, boolean inMemory, URI dynamoDbEndpoint,
               List<ApiKeyOption> apiKeys, Integer authorizerCacheSeconds, Path template, String tablePrefix,
               boolean help) {

    static final int DEFAULT_PORT = 3000;
    static final int DEFAULT_DYNAMODB_PORT = 8000;
    static final String DEFAULT_PROJECT = "local";
    static final int MAX_AUTHORIZER_CACHE_SECONDS = 3600;
    private static final Pattern TABLE_PREFIX = Pattern.compile("[A-Za-z0-9_.-]{0,200}");

    /** A key to register: {@code --api-key [PROJECT:]KEY[:SCOPES]}; a developer's key may do everything by default. */
    record ApiKeyOption(String projectId, String key, Set<Scope> scopes) {
    }

    static final String USAGE = """
            Usage: infrastructure/local-api/start.sh [options]

            Runs the whole tracking API on this machine: the HTTP API routes of template.yaml, its API-key
            authorizer and the same handler classes as in Lambda, on DynamoDB Local.

            Options:
              --port N                      HTTP port on 127.0.0.1 (default 3000; 0 picks a free one)
              --dynamodb-port N             DynamoDB Local port on 127.0.0.1 (default 8000; 0 picks a free one)
              --data-dir DIR                where DynamoDB Local keeps its data (default .local-data/ at the
                                            repository root)
              --in-memory                   keep the data in memory only: lost when the API stops
              --dynamodb-endpoint URL       use this DynamoDB (another DynamoDB Local, LocalStack, AWS) instead of
                                            starting one; credentials and region from the usual AWS_* variables
              --table-prefix P              prefix of the local table names (default none: the template's
                                            logical ids, e.g. EventsTable)
              --api-key [PROJECT:]KEY[:SCOPES]
                                            register KEY for PROJECT (default project "local") with SCOPES, a
                                            comma-separated list of track, read, erase (default: all three);
                                            repeatable. Without any, a dev key with all scopes is created and
                                            printed (kept in the data directory, so it stays the same across
                                            restarts)
              --authorizer-cache-seconds N  how long an authorizer answer is cached per key, 0 to 3600 (default:
                                            the template's ReauthorizeEvery, AuthorizerCacheTtlSeconds = 300)
              --template FILE               the SAM template (default template.yaml at the repository root)
              -h, --help                    this help

            Ctrl-C stops it cleanly: requests in flight are answered, then DynamoDB Local is closed.
            """;

    /** @throws LocalApiException naming the first problem found */
    static Options parse(String... args) {
        Map<String, String> single = new LinkedHashMap<>();
        List<String> apiKeys = new ArrayList<>();
        boolean inMemory = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            switch (name) {
                case "-h", "--help" -> help = true;
                case "--in-memory" -> {
                    if (value != null) {
                        throw new LocalApiException("--in-memory takes no value");
                    }
                    inMemory = true;
                }
                case "--port", "--dynamodb-port", "--data-dir", "--dynamodb-endpoint", "--table-prefix",
                     "--authorizer-cache-seconds", "--template", "--api-key" -> {
                    if (value == null) {
                        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                            throw new LocalApiException(name + " needs a value");
                        }
                        value = args[++i];
                    }
                    if (name.equals("--api-key")) {
                        apiKeys.add(value);
                    } else if (single.put(name, value) != null) {
                        throw new LocalApiException(name + " is given more than once");
                    }
                }
                default -> throw new LocalApiException(arg.startsWith("-") ? "unknown option " + name
                        : "unexpected argument '" + arg + "' (options start with --)");
            }
        }
        if (help) {
            return new Options(DEFAULT_PORT, DEFAULT_DYNAMODB_PORT, null, false, null, List.of(), null, null, "", true);
        }
        int port = port(single, "--port", DEFAULT_PORT);
        int dynamoDbPort = port(single, "--dynamodb-port", DEFAULT_DYNAMODB_PORT);
        URI endpoint = single.containsKey("--dynamodb-endpoint") ? endpoint(single.get("--dynamodb-endpoint")) : null;
        if (endpoint != null) {
            for (String local : List.of("--dynamodb-port", "--data-dir")) {
                if (single.containsKey(local)) {
                    throw new LocalApiException(local + " does not apply with --dynamodb-endpoint (no DynamoDB Local"
                            + " is started)");
                }
            }
            if (inMemory) {
                throw new LocalApiException("--in-memory does not apply with --dynamodb-endpoint (no DynamoDB Local"
                        + " is started)");
            }
        }
        if (inMemory && single.containsKey("--data-dir")) {
            throw new LocalApiException("--in-memory and --data-dir exclude each other");
        }
        if (endpoint == null && port != 0 && port == dynamoDbPort) {
            throw new LocalApiException("--port and --dynamodb-port are both " + port + "; they need two ports");
        }
        Integer cacheSeconds = null;
        if (single.containsKey("--authorizer-cache-seconds")) {
            cacheSeconds = number(single.get("--authorizer-cache-seconds"), "--authorizer-cache-seconds", 0,
                    MAX_AUTHORIZER_CACHE_SECONDS);
        }
        String prefix = single.getOrDefault("--table-prefix", "");
        if (!TABLE_PREFIX.matcher(prefix).matches()) {
            throw new LocalApiException("--table-prefix '" + prefix + "' is not valid: at most 200 characters from"
                    + " letters, digits, '_', '-' and '.'");
        }
        return new Options(port, dynamoDbPort, path(single.get("--data-dir"), "--data-dir"), inMemory, endpoint,
                apiKeys(apiKeys), cacheSeconds, path(single.get("--template"), "--template"), prefix, false);
    }

    private static int port(Map<String, String> single, String name, int defaultPort) {
        return single.containsKey(name) ? number(single.get(name), name, 0, 65_535) : defaultPort;
    }

    private static int number(String value, String name, int min, int max) {
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LocalApiException(name + " must be a whole number from " + min + " to " + max + ", not '" + value
                + "'");
    }

    private static URI endpoint(String value) {
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new LocalApiException("--dynamodb-endpoint must be an http(s) URL such as http://localhost:8000, not '"
                + value + "'");
    }

    private static Path path(String value, String name) {
        if (value == null) {
            return null;
        }
        try {
            if (!value.isBlank()) {
                return Path.of(value);
            }
        } catch (InvalidPathException e) {
            // reported below
        }
        throw new LocalApiException(name + " '" + value + "' is not a usable path");
    }

    private static List<ApiKeyOption> apiKeys(List<String> values) {
        List<ApiKeyOption> keys = new ArrayList<>();
        Map<String, String> projectByKey = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (String value : values) {
            int colon = value.indexOf(':');
            String project = colon < 0 ? DEFAULT_PROJECT : value.substring(0, colon);
            String key = colon < 0 ? value : value.substring(colon + 1);
            Set<Scope> scopes = Scope.ALL;
            int last = key.lastIndexOf(':');
            if (colon >= 0 && last > 0 && isScopeList(key.substring(last + 1))) {
                scopes = Scope.parse(key.substring(last + 1));
                key = key.substring(0, last);
            }
            if (!ProjectIds.isValid(project)) {
                throw new LocalApiException("--api-key: project '" + project + "' is not valid: " + ProjectIds.RULE);
            }
            if (!ApiKeys.isPlausible(key)) {
                throw new LocalApiException("--api-key for project " + project + ": the key must be 1 to 256"
                        + " printable ASCII characters without spaces");
            }
            String earlier = projectByKey.putIfAbsent(key, project);
            if (earlier != null && !earlier.equals(project)) {
                throw new LocalApiException("--api-key: the same key is given for projects " + earlier + " and "
                        + project + "; a key opens exactly one project");
            }
            if (seen.add(key)) {
                keys.add(new ApiKeyOption(project, key, scopes));
            }
        }
        return List.copyOf(keys);
    }

    /** "track,read": names of scopes only. Otherwise what follows the last ':' is part of the key. */
    private static boolean isScopeList(String text) {
        return !text.isEmpty() && Arrays.stream(text.split(",", -1))
                .allMatch(name -> Scope.fromWireName(name).isPresent());
    }
}
