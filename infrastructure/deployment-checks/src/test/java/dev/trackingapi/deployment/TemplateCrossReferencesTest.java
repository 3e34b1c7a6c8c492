package dev.trackingapi.deployment;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trackingapi.auth.ApiKeys;
import dev.trackingapi.config.EnvironmentVariables;
import dev.trackingapi.entrypoints.ApiKeyAuthorizerHandler;
import dev.trackingapi.entrypoints.TrackBatchHandler;
import dev.trackingapi.service.BatchTracker;
import dev.trackingapi.service.CustomerProfiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.trackingapi.deployment.SamTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

/** template.yaml against the code and events/: handlers, routes, the authorizer, variables, policies, tables, outputs. */
class TemplateCrossReferencesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SamTemplate template;

    @BeforeAll
    static void readTemplate() {
        template = SamTemplate.read(Repository.template());
    }

    static String authorizerFunctionId(SamTemplate template) {
        Map<String, Object> auth = map(SamTemplate.properties(template.resource("TrackingApi")).get("Auth"));
        Map<String, Object> authorizer = map(map(auth.get("Authorizers")).get(auth.get("DefaultAuthorizer")));
        String ref = (String) map(authorizer.get("FunctionArn")).get("Ref");
        assertThat(ref).as("the default authorizer's FunctionArn is !Ref <Function>.Alias").endsWith(".Alias");
        return ref.substring(0, ref.length() - ".Alias".length());
    }

    @Test
    void everyHandler_isAClassOfTheFunctions_implementingRequestHandler_withTheConstructorLambdaCalls() throws Exception {
        assertThat(template.functions()).hasSize(21);
        for (SamTemplate.Function function : template.functions()) {
            assertThat(function.handler()).as(function.logicalId()).endsWith("::handleRequest");
            Class<?> handler = Class.forName(function.handlerClass());
            assertThat(RequestHandler.class.isAssignableFrom(handler)).as(function.handler()).isTrue();
            assertThat(Modifier.isPublic(handler.getModifiers()) && !Modifier.isAbstract(handler.getModifiers()))
                    .as(function.handler()).isTrue();
            assertThat(handler.getConstructor()).as(function.handler() + " needs a public no-arg constructor").isNotNull();
            assertThat(Stream.of(handler.getMethods()).filter(m -> m.getName().equals("handleRequest")
                    && m.getParameterCount() == 2 && m.getParameterTypes()[1] == Context.class))
                    .as(function.handler()).isNotEmpty();
            assertThat(function.property("CodeUri")).as(function.logicalId()).isEqualTo("functions");
        }
    }

    /**
     * One function per resource: its route, and for a read whose path holds a customer id, the query form of the same
     * read (API Gateway decodes the path before it picks a route, so an id holding '/' needs it), named QueryForm.
     */
    @Test
    void everyRoute_hasExactlyOneFunction_andExactlyOneEventsFile_andNoEventsFileIsOrphaned() throws IOException {
        List<SamTemplate.Route> routes = new ArrayList<>();
        for (SamTemplate.Function function : template.functions()) {
            if (!function.logicalId().equals(authorizerFunctionId(template))) {
                List<SamTemplate.Route> own = function.routes();
                assertThat(own).as(function.logicalId() + " serves one route, and maybe its query form").hasSizeBetween(1, 2);
                assertThat(own.get(0).eventName()).isEqualTo("Route");
                if (own.size() == 2) {
                    assertThat(own.get(1).eventName()).isEqualTo("QueryForm");
                    assertThat(own.get(0).path()).contains("{id}");
                    assertThat(own.get(1).path()).doesNotContain("{");
                }
            }
            routes.addAll(function.routes());
        }
        assertThat(routes.stream().map(SamTemplate.Route::routeKey)).doesNotHaveDuplicates();
        Set<String> expectedFiles = new TreeSet<>(List.of("authorizer.json"));
        for (SamTemplate.Route route : routes) {
            assertThat(route.method()).isIn("POST", "GET", "DELETE");
            assertThat(route.apiId()).isEqualTo(Map.of("Ref", "TrackingApi"));
            assertThat(route.payloadFormatVersion()).as(route.routeKey()).isEqualTo("2.0");
            Path file = Repository.events().resolve(route.eventFileName());
            assertThat(file).as(route.routeKey()).isRegularFile();
            JsonNode event = JSON.readTree(file.toFile());
            assertThat(event.path("version").asText()).isEqualTo("2.0");
            assertThat(event.path("routeKey").asText()).isEqualTo(route.routeKey());
            String rawPath = route.path();
            for (var parameter : event.path("pathParameters").properties()) {
                rawPath = rawPath.replaceAll("\\{" + parameter.getKey() + "\\+?}",
                        java.util.regex.Matcher.quoteReplacement(parameter.getValue().asText()));
            }
            assertThat(event.path("rawPath").asText()).as(route.routeKey() + ": the decoded path, its parameters in place")
                    .isEqualTo(rawPath);
            assertThat(event.at("/requestContext/http/method").asText()).isEqualTo(route.method());
            assertThat(event.has("body")).as(route.routeKey() + ": a body exactly on a POST")
                    .isEqualTo(route.method().equals("POST"));
            if (!route.path().equals("/explorer")) {
                assertThat(event.at("/requestContext/authorizer/lambda/projectId").asText()).isNotBlank();
            }
            if (route.method().equals("GET") && !route.path().equals("/explorer")) {
                assertThat(event.at("/requestContext/authorizer/lambda/scopes").asText()).as(route.routeKey())
                        .contains("read");
            }
            expectedFiles.add(route.eventFileName());
        }
        try (Stream<Path> files = Files.list(Repository.events())) {
            Set<String> present = files.map(path -> path.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(present).isEqualTo(expectedFiles);
        }
    }

    /** A route path as a pattern of raw paths: each {variable} one non-empty segment. */
    private static String pathPattern(String path) {
        return java.util.regex.Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
    }

    @Test
    void theApi_isGuardedByTheKeyAuthorizer_throughItsSnapStartAlias_withACacheTtlParameter() throws Exception {
        Map<String, Object> api = SamTemplate.properties(template.resource("TrackingApi"));
        Map<String, Object> auth = map(api.get("Auth"));
        Map<String, Object> authorizer = map(map(auth.get("Authorizers")).get(auth.get("DefaultAuthorizer")));
        assertThat(authorizer.get("AuthorizerPayloadFormatVersion")).isEqualTo("2.0");
        assertThat(authorizer.get("EnableSimpleResponses")).isEqualTo(true);
        Map<String, Object> identity = map(authorizer.get("Identity"));
        assertThat(identity.get("Headers")).isEqualTo(List.of(ApiKeys.HEADER));
        assertThat(identity.get("ReauthorizeEvery")).isEqualTo(Map.of("Ref", "AuthorizerCacheTtlSeconds"));
        Map<String, Object> ttl = map(template.parameters().get("AuthorizerCacheTtlSeconds"));
        assertThat(ttl).containsEntry("Type", "Number").containsEntry("MinValue", 0).containsEntry("MaxValue", 3600);
        assertThat(template.parameters()).containsKey("StageName");

        Class<?> handler = Class.forName(template.function(authorizerFunctionId(template)).handlerClass());
        assertThat(handlerEventType(handler)).isEqualTo(APIGatewayV2CustomAuthorizerEvent.class);
        for (SamTemplate.Function function : template.functions()) {
            if (!function.routes().isEmpty()) {
                assertThat(handlerEventType(Class.forName(function.handlerClass()))).isEqualTo(APIGatewayV2HTTPEvent.class);
            }
        }
        JsonNode authorizerEvent = JSON.readTree(Repository.events().resolve("authorizer.json").toFile());
        assertThat(authorizerEvent.path("type").asText()).isEqualTo("REQUEST");
        assertThat(authorizerEvent.path("headers").has(ApiKeys.HEADER)).isTrue();
    }

    private static Type handlerEventType(Class<?> handler) {
        for (Class<?> type = handler; type != null; type = type.getSuperclass()) {
            for (Type implemented : type.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType parameterized
                        && parameterized.getRawType() == RequestHandler.class) {
                    return parameterized.getActualTypeArguments()[0];
                }
            }
        }
        throw new AssertionError(handler + " does not implement RequestHandler<I, O>");
    }

    @Test
    void everyFunction_hasTheRuntimeChoicesTheReadmeJustifies() {
        Map<String, Object> globals = template.functionGlobals();
        for (SamTemplate.Function function : template.functions()) {
            String id = function.logicalId();
            assertThat(function.property("Runtime")).as(id).isIn("java21", "java25");
            assertThat(function.property("Architectures")).as(id).isEqualTo(List.of("arm64"));
            assertThat(map(function.property("SnapStart"))).as(id).containsEntry("ApplyOn", "PublishedVersions");
            assertThat(function.property("AutoPublishAlias")).as(id).isEqualTo("live");
            assertThat(function.properties().get("AutoPublishAliasAllProperties")).as(id).isEqualTo(true);
            assertThat(function.property("MemorySize")).as(id).isIn(512, 1024);
            boolean batch = function.handlerClass().equals(TrackBatchHandler.class.getName());
            if (function.routes().stream().anyMatch(route -> route.path().equals("/customers/{id}")
                    && route.method().equals("DELETE"))) {
                assertThat((Integer) function.property("Timeout")).as(id + ": an erasure works as long as API"
                        + " Gateway waits (30 s)").isBetween(20, 29);
            } else {
                // The batch too: it stops starting items 6.5 s before the timeout instead of running longer.
                assertThat(function.property("Timeout")).as(id).isEqualTo(10);
                assertThat(Duration.ofSeconds((Integer) function.property("Timeout"))).as(id + ": no request that"
                        + " saw a profile before its erasure may still run when the erasure completes")
                        .isLessThanOrEqualTo(CustomerProfiles.TRUST_WINDOW);
            }
            assertThat(String.valueOf(function.environment().get("JAVA_TOOL_OPTIONS")))
                    .contains("-XX:+TieredCompilation").contains("-XX:TieredStopAtLevel=1");
            if (batch) {
                assertThat(String.valueOf(function.environment().get("JAVA_TOOL_OPTIONS")))
                        .as("keeps alive a connection for each of its concurrent DynamoDB calls")
                        .contains("-Dhttp.maxConnections=" + 4 * BatchTracker.MAX_CONCURRENT_CUSTOMERS);
            }
            assertThat(map(globals.get("LoggingConfig"))).containsEntry("LogFormat", "JSON");
            Object logGroup = map(function.properties().get("LoggingConfig")).get("LogGroup");
            String logGroupId = (String) map(logGroup).get("Ref");
            assertThat(template.resource(logGroupId)).as(id + "'s log group").containsEntry("Type", "AWS::Logs::LogGroup");
            assertThat(SamTemplate.properties(template.resource(logGroupId)))
                    .containsEntry("RetentionInDays", Map.of("Ref", "LogRetentionInDays"));
        }
        assertThat(globals.get("Tracing")).isEqualTo(Map.of("Fn::If", List.of("TracingEnabled", "Active", "PassThrough")));
    }

    @Test
    void everyVariableInTheTemplate_isOneTheCodeReads_andEveryVariableTheCodeReads_isSetSomewhere() throws Exception {
        Set<String> declared = declaredVariables();
        Set<String> setSomewhere = new HashSet<>(EnvironmentVariables.PROVIDED_BY_RUNTIME);
        for (SamTemplate.Function function : template.functions()) {
            for (String variable : function.environment().keySet()) {
                assertThat(variable).as(function.logicalId()).isIn(union(declared, Set.of("JAVA_TOOL_OPTIONS")));
                setSomewhere.add(variable);
            }
        }
        assertThat(setSomewhere).containsAll(declared);
        assertThat(FunctionEnvironment.RUNTIME.keySet()).containsAll(EnvironmentVariables.PROVIDED_BY_RUNTIME);
    }

    /** The constants of EnvironmentVariables: the names the code reads (SourceEnvironmentScanTest keeps it so). */
    static Set<String> declaredVariables() throws IllegalAccessException {
        Set<String> names = new TreeSet<>();
        for (Field field : EnvironmentVariables.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                names.add((String) field.get(null));
            }
        }
        return names;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return union;
    }

    @Test
    void policies_areInlineStatements_namingDynamoDbActions_onTemplateTables_only() {
        for (SamTemplate.Function function : template.functions()) {
            SamTemplate.Grants grants = function.grants();
            assertThat(grants.problems()).isEmpty();
            if (function.logicalId().equals("ExplorerFunction")) {
                assertThat(function.policies()).as("the explorer page reads nothing").isEmpty();
            } else {
                assertThat(grants.granted()).as(function.logicalId()).isNotEmpty();
            }
        }
    }

    @Test
    void onlyTheExplorerPage_isServedWithoutTheKeyAuthorizer() {
        for (SamTemplate.Function function : template.functions()) {
            for (SamTemplate.Route route : function.routes()) {
                Object authorizer = SamTemplate.map(template.resource(function.logicalId()).get("Properties"))
                        .get("Events") instanceof Map<?, ?> events
                        ? SamTemplate.map(SamTemplate.map(SamTemplate.map(events.get(route.eventName())).get("Properties"))
                        .get("Auth")).get("Authorizer") : null;
                assertThat(authorizer).as(route.routeKey())
                        .isEqualTo(route.path().equals("/explorer") ? "NONE" : null);
            }
        }
    }

    @Test
    void aWildcard_aManagedPolicy_orAForeignResource_isReported(@TempDir Path dir) throws IOException {
        String yaml = Files.readString(Repository.template());
        Map<String, String> breakages = Map.of(
                "wildcard action", yaml.replaceFirst("- dynamodb:PutItem", "- dynamodb:*"),
                "wildcard resource", yaml.replaceFirst("Resource: !GetAtt AttributeTypesTable.Arn", "Resource: \"*\""),
                "managed CRUD policy", yaml.replaceFirst("      Policies:\n", "      Policies:\n        - DynamoDBCrudPolicy:\n"
                        + "            TableName: !Ref EventsTable\n"));
        for (Map.Entry<String, String> broken : breakages.entrySet()) {
            assertThat(broken.getValue()).as(broken.getKey()).isNotEqualTo(yaml);
            Path copy = dir.resolve(broken.getKey().replace(' ', '-') + ".yaml");
            Files.writeString(copy, broken.getValue());
            List<String> problems = SamTemplate.read(copy).functions().stream()
                    .flatMap(function -> function.grants().problems().stream()).toList();
            assertThat(problems).as(broken.getKey()).isNotEmpty();
        }
    }

    @Test
    void leastPrivilege_reportsBothAMissingAndAnUnusedGrant() {
        SamTemplate.Grant put = new SamTemplate.Grant("PutItem", "EventsTable");
        SamTemplate.Grant get = new SamTemplate.Grant("GetItem", "EventsTable");
        SamTemplate.Grant delete = new SamTemplate.Grant("DeleteItem", "EventsTable");

        assertThat(LeastPrivilege.differences("F", Set.of(put, get), Set.of(put, get))).isEmpty();
        assertThat(LeastPrivilege.differences("F", Set.of(put, get), Set.of(put)))
                .singleElement().asString().contains("GetItem").contains("does not grant");
        assertThat(LeastPrivilege.differences("F", Set.of(put), Set.of(put, delete)))
                .singleElement().asString().contains("DeleteItem").contains("no representative request");
    }

    @Test
    void everyTable_isOnDemand_recoverable_encrypted_retained_andOutputByName() {
        Map<String, Object> outputs = template.outputs();
        for (String table : template.tableIds()) {
            Map<String, Object> resource = template.resource(table);
            assertThat(resource).as(table).containsEntry("DeletionPolicy", "Retain").containsEntry("UpdateReplacePolicy", "Retain");
            Map<String, Object> properties = SamTemplate.properties(resource);
            assertThat(properties).as(table).containsEntry("BillingMode", "PAY_PER_REQUEST");
            assertThat(map(properties.get("PointInTimeRecoverySpecification")))
                    .containsEntry("PointInTimeRecoveryEnabled", true);
            assertThat(map(properties.get("SSESpecification"))).containsEntry("SSEEnabled", true);
            assertThat(outputs.values()).as(table + " has an output with its name")
                    .anySatisfy(output -> assertThat(map(output).get("Value")).isEqualTo(Map.of("Ref", table)));
        }
        assertThat(outputs).containsKey("ApiUrl");
        assertThat(String.valueOf(map(outputs.get("ApiUrl")).get("Value"))).contains("execute-api");
    }

    @Test
    void handlerMethods_takeTheEventTypeTheirRouteSends() throws Exception {
        for (SamTemplate.Function function : template.functions()) {
            Class<?> handler = Class.forName(function.handlerClass());
            Method method = Stream.of(handler.getMethods())
                    .filter(m -> m.getName().equals("handleRequest") && !m.isBridge()).findFirst().orElseThrow();
            assertThat(method.getParameterTypes()[0]).as(function.handler()).isEqualTo(handlerEventType(handler));
        }
    }
}
