package dev.trackingapi.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import dev.trackingapi.auth.ApiKeyAuthenticator;
import dev.trackingapi.entrypoints.ApiKeyAuthorizerHandler;
import dev.trackingapi.store.dynamodb.DynamoDbApiKeyStore;
import dev.trackingapi.testing.TestDynamoDb;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin tool against DynamoDB Local, checked through the real authorizer. */
class ApiKeysCliTest {
    private static final Pattern KEY = Pattern.compile("gtk_[A-Za-z0-9_-]{43}");

    private final String project = "store-" + UUID.randomUUID().toString().substring(0, 8);
    private final ApiKeyAuthorizerHandler authorizer = new ApiKeyAuthorizerHandler(new ApiKeyAuthenticator(
            new DynamoDbApiKeyStore(TestDynamoDb.client(), TestDynamoDb.tables().apiKeys()), Clock.systemUTC(),
            Duration.ZERO));

    record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] withTable = new String[args.length + 4];
        System.arraycopy(args, 0, withTable, 0, args.length);
        withTable[args.length] = "--table";
        withTable[args.length + 1] = TestDynamoDb.tables().apiKeys();
        withTable[args.length + 2] = "--endpoint-url";
        withTable[args.length + 3] = TestDynamoDb.server().endpoint().toString();
        int exitCode = ApiKeysCli.run(withTable, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exitCode, out.toString(), err.toString());
    }

    private Map<String, Object> authorize(String key) {
        return authorizer.handleRequest(APIGatewayV2CustomAuthorizerEvent.builder()
                .withHeaders(Map.of("x-growlytics-key", key)).withIdentitySource(List.of(key)).build(), null);
    }

    private static String keyIn(String output) {
        Matcher matcher = KEY.matcher(output);
        assertThat(matcher.find()).as("a key in %s", output).isTrue();
        return matcher.group();
    }

    @Test
    void aCreatedKey_authorizesItsProject() {
        Run created = run("create", "--project", project, "--label", "web shop");

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(authorize(keyIn(created.out())))
                .isEqualTo(Map.of("isAuthorized", true, "context", Map.of("projectId", project, "scopes", "track")));
    }

    @Test
    void aKeyCreatedWithScopes_carriesThem_andTheListShowsThem() {
        Run created = run("create", "--project", project, "--scopes", "read,track", "--label", "explorer");
        run("create", "--project", project, "--label", "backend");

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("scopes track,read");
        assertThat(authorize(keyIn(created.out())).get("context"))
                .isEqualTo(Map.of("projectId", project, "scopes", "track,read"));
        assertThat(run("list", "--project", project).out()).contains("SCOPES")
                .containsPattern("track,read +\\d{4}-").containsPattern("track +\\d{4}-");
    }

    @Test
    void anUnknownOrEmptyScope_isRefused_andNoKeyIsCreated() {
        for (String scopes : new String[]{"track,admin", "", "read,"}) {
            Run refused = run("create", "--project", project, "--scopes", scopes);

            assertThat(refused.exitCode()).as(scopes).isEqualTo(2);
            assertThat(refused.err()).contains("--scopes").contains("is not a scope");
        }
        assertThat(run("list", "--project", project).out()).contains("has no API keys");
    }

    @Test
    void listing_showsKeysButNoSecret() {
        String key = keyIn(run("create", "--project", project, "--label", "web shop").out());
        run("create", "--project", project, "--label", "backend");

        Run listed = run("list", "--project", project);

        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).contains("KEY ID").contains("web shop").contains("backend")
                .doesNotContain(key).doesNotContain(key.substring(4, 14))
                .doesNotContain(dev.trackingapi.auth.ApiKeys.hash(key));
        assertThat(listed.out().lines()).hasSize(3);
    }

    @Test
    void aRevokedKey_noLongerAuthorizes_byKeyIdOrByKey() {
        String first = keyIn(run("create", "--project", project).out());
        String second = keyIn(run("create", "--project", project).out());
        String keyId = dev.trackingapi.store.ApiKeyRecord.keyIdOf(dev.trackingapi.auth.ApiKeys.hash(first));

        Run byId = run("revoke", "--project", project, "--key-id", keyId);
        Run byKey = run("revoke", "--project", project, "--key", second);

        assertThat(byId.exitCode()).as(byId.err()).isZero();
        assertThat(byKey.exitCode()).as(byKey.err()).isZero();
        assertThat(authorize(first)).isEqualTo(Map.of("isAuthorized", false));
        assertThat(authorize(second)).isEqualTo(Map.of("isAuthorized", false));
        assertThat(run("list", "--project", project).out().lines().skip(1))
                .allSatisfy(line -> assertThat(line).containsPattern("Z +\\d{4}-\\d{2}-\\d{2}T"));
    }

    @Test
    void aKeyOfAnotherProject_cannotBeRevokedThroughThisOne() {
        String key = keyIn(run("create", "--project", project).out());

        Run refused = run("revoke", "--project", "other-project", "--key", key);

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("does not open project other-project");
        assertThat(authorize(key).get("isAuthorized")).isEqualTo(true);
    }

    @Test
    void badArguments_areOneClearLineWithExitCode2() {
        Run noProject = run("create");
        Run badProject = run("create", "--project", "a#b");
        Run shortKeyId = run("revoke", "--project", project, "--key-id", "ab");

        assertThat(noProject.exitCode()).isEqualTo(2);
        assertThat(noProject.err()).contains("Missing required option: '--project=ID'");
        assertThat(badProject.exitCode()).isEqualTo(2);
        assertThat(badProject.err()).startsWith("error: --project \"a#b\" is not a project id");
        assertThat(shortKeyId.exitCode()).isEqualTo(2);
    }

    @Test
    void aMissingTable_isNamedWithTheWayToFindTheRightOne() {
        StringWriter err = new StringWriter();
        int exitCode = ApiKeysCli.run(new String[]{"list", "--project", project, "--table", "no-such-table",
                "--endpoint-url", TestDynamoDb.server().endpoint().toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err, true));

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: the table no-such-table at http://127.0.0.1:")
                .contains("does not exist").contains("ApiKeysTableName").doesNotContain("Exception");
    }
}
