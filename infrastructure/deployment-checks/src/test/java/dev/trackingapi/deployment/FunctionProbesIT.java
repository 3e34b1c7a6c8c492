package dev.trackingapi.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trackingapi.auth.ApiKeys;
import dev.trackingapi.config.EnvironmentVariables;
import dev.trackingapi.model.Scope;
import dev.trackingapi.priming.ReadProbeSteps;
import dev.trackingapi.store.ApiKeyRecord;
import dev.trackingapi.store.dynamodb.DynamoDbApiKeyStore;
import dev.trackingapi.testing.TestDynamoDb;
import dev.trackingapi.testing.TrackingApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each function of template.yaml, started in a JVM of its own with exactly the environment the template gives it
 * (its JAVA_TOOL_OPTIONS included), against DynamoDB Local: it must start (every variable the code reads is set),
 * prime, answer representative requests as expected, and call exactly the DynamoDB actions on exactly the tables its
 * policy grants, no more and no fewer.
 */
class FunctionProbesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTHORIZER = "authorizer";

    private static SamTemplate template;

    @TempDir
    Path work;

    @BeforeAll
    static void startDynamoDb() {
        template = SamTemplate.read(Repository.template());
        TestDynamoDb.start();
    }

    @TestFactory
    Stream<DynamicTest> everyFunction_startsWithItsTemplateEnvironment_andUsesExactlyItsGrants() {
        return template.functions().stream().map(function -> DynamicTest.dynamicTest(function.logicalId(),
                () -> probeAndCheck(function)));
    }

    @Test
    void aFunctionWithoutOneOfItsVariables_doesNotStart_andSaysWhich() throws Exception {
        SamTemplate.Function function = template.function("TrackEventV2Function");
        Map<String, String> environment = environmentOf(function);
        environment.remove(EnvironmentVariables.EVENTS_TABLE);

        Probe probe = probe(function, route(function), environment, List.of());

        assertThat(probe.exitCode()).isNotZero();
        assertThat(probe.stderr()).contains(EnvironmentVariables.EVENTS_TABLE);
    }

    private void probeAndCheck(SamTemplate.Function function) throws Exception {
        String route = route(function);
        List<String> extra = new ArrayList<>();
        String projectId = "probe-" + UUID.randomUUID().toString().substring(0, 8);
        if (AUTHORIZER.equals(route)) {
            extra.add(storeKey(projectId, false));
            extra.add(storeKey(projectId, true));
        }

        if (isRead(function)) {
            TrackingApi api = new TrackingApi(TestDynamoDb.client(), TestDynamoDb.tables());
            for (String[] request : ReadProbeSteps.SEEDED) {
                assertThat(api.post(request[0], projectId, request[1]).status()).isEqualTo(200);
            }
        }

        Probe probe = probe(function, route, environmentOf(function), List.of(projectId), extra);

        assertThat(probe.exitCode()).as(function.logicalId() + " stderr:\n" + probe.stderr()).isZero();
        JsonNode result = JSON.readTree(probe.output().toFile());
        for (JsonNode step : result.path("steps")) {
            assertThat(step.path("status").asInt())
                    .as(function.logicalId() + ": " + step.path("label").asText() + " -> " + step.path("body").asText())
                    .isEqualTo(step.path("expectedStatus").asInt());
            assertThat(step.path("body").asText()).as(function.logicalId() + ": " + step.path("label").asText())
                    .contains(step.path("expectedInBody").asText());
        }
        SamTemplate.Grants grants = function.grants();
        if (!grants.granted().isEmpty()) {
            assertThat(result.path("priming")).as(function.logicalId() + ": the priming's DynamoDB warm-up").isNotEmpty();
        }

        Set<SamTemplate.Grant> used = new HashSet<>();
        List<String> findings = new ArrayList<>();
        for (String phase : List.of("priming", "requests")) {
            for (JsonNode call : result.path(phase)) {
                String table = call.path("table").asText();
                String logicalId = table.startsWith(TestDynamoDb.TABLE_PREFIX)
                        ? table.substring(TestDynamoDb.TABLE_PREFIX.length()) : null;
                String tableId = logicalId == null ? null : logicalId.split(SamTemplate.INDEX, 2)[0];
                if (logicalId == null || !template.tableIds().contains(tableId)) {
                    findings.add(function.logicalId() + " called " + call + ", not on a template table");
                } else {
                    used.add(new SamTemplate.Grant(call.path("action").asText(), logicalId));
                }
            }
        }
        findings.addAll(grants.problems());
        findings.addAll(LeastPrivilege.differences(function.logicalId(), used, grants.granted()));
        assertThat(findings).isEmpty();
    }

    /** The HttpApi route key of a function ("POST /track/event/v2"), or "authorizer" for the API's authorizer. */
    private static String route(SamTemplate.Function function) {
        List<SamTemplate.Route> routes = function.routes();
        if (routes.isEmpty()) {
            assertThat(function.logicalId()).as("the only function without a route is the authorizer")
                    .isEqualTo(TemplateCrossReferencesTest.authorizerFunctionId(template));
            return AUTHORIZER;
        }
        return routes.get(0).routeKey();
    }

    private static boolean isRead(SamTemplate.Function function) {
        return function.routes().stream().anyMatch(route -> route.method().equals("GET"));
    }

    private static Map<String, String> environmentOf(SamTemplate.Function function) {
        return new java.util.LinkedHashMap<>(FunctionEnvironment.of(template, function, TestDynamoDb.TABLE_PREFIX,
                TestDynamoDb.server().endpoint()));
    }

    private static String storeKey(String projectId, boolean revoked) {
        String key = ApiKeys.generate(new SecureRandom());
        String hash = ApiKeys.hash(key);
        DynamoDbApiKeyStore store = new DynamoDbApiKeyStore(TestDynamoDb.client(), TestDynamoDb.tables().apiKeys());
        store.createIfAbsent(new ApiKeyRecord(hash, projectId, Scope.ALL, "probe", Instant.now(), false, null));
        if (revoked) {
            store.revoke(hash, Instant.now());
        }
        return key;
    }

    private record Probe(int exitCode, String stderr, Path output) {
    }

    private Probe probe(SamTemplate.Function function, String route, Map<String, String> environment,
                        List<String> projectId) throws IOException, InterruptedException {
        return probe(function, route, environment, projectId.isEmpty() ? List.of("probe-env") : projectId, List.of());
    }

    private Probe probe(SamTemplate.Function function, String route, Map<String, String> environment,
                        List<String> projectId, List<String> extra) throws IOException, InterruptedException {
        Path eventFile = Repository.events().resolve(AUTHORIZER.equals(route) ? "authorizer.json"
                : function.routes().get(0).eventFileName());
        Path output = work.resolve(function.logicalId() + ".json");
        Path stderr = work.resolve(function.logicalId() + ".stderr");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "dev.trackingapi.priming.FunctionProbe",
                function.handlerClass(), route, projectId.get(0), eventFile.toString(), output.toString()));
        command.addAll(extra);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(function.logicalId() + ": the probe did not finish within 3 minutes");
        }
        return new Probe(process.exitValue(), Files.readString(stderr, StandardCharsets.UTF_8), output);
    }
}
