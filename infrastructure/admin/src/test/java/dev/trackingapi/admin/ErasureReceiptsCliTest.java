package dev.trackingapi.admin;

import dev.trackingapi.model.ErasureCounts;
import dev.trackingapi.testing.ErasureData;
import dev.trackingapi.testing.StoredData;
import dev.trackingapi.testing.TestDynamoDb;
import dev.trackingapi.testing.TrackingApi;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** erasure-receipts.sh against DynamoDB Local: receipts of the API's erasures, listed, shown and found, and erase. */
class ErasureReceiptsCliTest {
    private final String project = "store-" + UUID.randomUUID().toString().substring(0, 8);
    private final TrackingApi api = new TrackingApi(TestDynamoDb.client(), TestDynamoDb.tables());
    private final StoredData stored = new StoredData(TestDynamoDb.client(), TestDynamoDb.tables());

    record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        String[] withTables = Arrays.copyOf(args, args.length + 8);
        String[] tables = {"--table", TestDynamoDb.tables().erasureReceipts(),
                "--customers-table", TestDynamoDb.tables().customers(),
                "--events-table", TestDynamoDb.tables().events(),
                "--endpoint-url", TestDynamoDb.server().endpoint().toString()};
        System.arraycopy(tables, 0, withTables, args.length, tables.length);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = ErasureReceiptsCli.run(withTables, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void theReceiptOfAnErasure_isListedShownAndFoundByTheCustomerId_withoutTheIdInIt() {
        ErasureData.customer(api, project, "asha@example.com", 3);
        String receipt = api.erase(project, "asha@example.com").json().path("receipt").asText();

        Run listed = run("list", "--project", project);
        Run shown = run("show", "--id", receipt);
        Run found = run("find", "--project", project, "--customer", "asha@example.com");
        Run notFound = run("find", "--project", project, "--customer", "someone@example.com");

        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("RECEIPT").contains(receipt).contains("complete")
                .containsPattern(receipt + " +complete +\\d{4}-.* +1 +" + (3 + ErasureData.EVENTS_WITH_IDS) + " +"
                        + (ErasureData.IGNORED_VALUES + ErasureData.EVENTS_WITH_IDS) + " ");
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("receipt        " + receipt).contains("project        " + project)
                .contains("status         complete").contains("cutoff").contains("erased         profile 1, events 7");
        assertThat(found.exitCode()).as(found.err()).isZero();
        assertThat(found.out()).contains(receipt);
        assertThat(notFound.out()).contains("No erasure of that customer in project " + project);
        for (Run output : new Run[]{listed, shown}) {
            assertThat(output.out()).doesNotContain("asha");
        }
    }

    @Test
    void erase_erasesAnIdThatCannotTravelInAPath_withTheSameReceiptAsTheApi() {
        String id = "a/b?c#d%zz";
        ErasureCounts seeded = ErasureData.customer(api, project, id, 4);

        Run erased = run("erase", "--project", project, "--customer", id);

        assertThat(erased.exitCode()).as(erased.err()).isZero();
        assertThat(erased.out()).startsWith("Erased: profile 1, events " + seeded.events() + ", other "
                + seeded.other() + ". Receipt er_");
        assertThat(stored.events(project, id)).isEmpty();
        assertThat(stored.profile(project, id)).isEmpty();
        assertThat(run("find", "--project", project, "--customer", id).out()).contains("complete");
    }

    @Test
    void anUnknownReceipt_aBadArgument_orAMissingTable_isOneClearLine() {
        Run unknown = run("show", "--id", "er_" + "A".repeat(22));
        Run badProject = run("list", "--project", "a#b");
        Run badCustomer = run("erase", "--project", project, "--customer", " ");
        StringWriter err = new StringWriter();
        int missingTable = ErasureReceiptsCli.run(new String[]{"list", "--project", project, "--table", "no-such-table",
                "--endpoint-url", TestDynamoDb.server().endpoint().toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err, true));

        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).startsWith("error: No erasure receipt er_AAAA").doesNotContain("Exception");
        assertThat(badProject.exitCode()).isEqualTo(2);
        assertThat(badProject.err()).startsWith("error: --project \"a#b\" is not a project id");
        assertThat(badCustomer.exitCode()).isEqualTo(2);
        assertThat(badCustomer.err()).startsWith("error: --customer: must not be blank");
        assertThat(missingTable).isEqualTo(1);
        assertThat(err.toString()).contains("no-such-table").contains("does not exist")
                .contains("ErasureReceiptsTableName").doesNotContain("Exception");
    }
}
