package dev.trackingapi.importer;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The vendor's rules for customer uploads: header, id first, 25 columns, 10,000 rows, a type per column. */
class CsvCustomersTest {
    @TempDir
    Path folder;

    private Path csv(String text) throws Exception {
        Path file = folder.resolve("customers.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static JsonNode item(CsvCustomers.Row row) throws Exception {
        return StubApi.JSON.readTree(row.item());
    }

    private String problems(String text) throws Exception {
        InputException rejected = catchThrowableOfType(InputException.class, () -> CsvCustomers.read(csv(text)));
        assertThat(rejected).as(text).isNotNull();
        assertThat(rejected.exitCode()).isEqualTo(InputException.REJECTED);
        return rejected.getMessage();
    }

    @Test
    void declaredAndInferredTypes_becomeTypedAttributes_andEmptyCellsSetNothing() throws Exception {
        List<CsvCustomers.Row> rows = CsvCustomers.read(csv("\uFEFFid,name,email,mobile,Plan:string,Lifetime Value:number,"
                + "Signed Up:date,Newsletter:boolean,Visits,VIP,Birthday,Zip\r\n"
                + "c1,Asha Rao,asha@example.com,9876543210,gold,12500.75,2021-03-04,TRUE,3,true,1990-05-01,01234\r\n"
                + "c2,\"Rao, Asha \"\"A\"\"\",,,007,1e3,2021-03-04 10:00:00,false,4,FALSE,,90210\r\n"));

        assertThat(rows).extracting(CsvCustomers.Row::row).containsExactly(2, 3);
        JsonNode first = item(rows.get(0));
        assertThat(first.get("type").asText()).isEqualTo("customer");
        assertThat(first.get("id").asText()).isEqualTo("c1");
        assertThat(first.get("attributes").toString()).isEqualTo("[{\"name\":\"name\",\"type\":\"string\",\"value\":"
                + "\"Asha Rao\"},{\"name\":\"email\",\"type\":\"string\",\"value\":\"asha@example.com\"},{\"name\":"
                + "\"mobile\",\"type\":\"string\",\"value\":\"9876543210\"},{\"name\":\"Plan\",\"type\":\"string\","
                + "\"value\":\"gold\"},{\"name\":\"Lifetime Value\",\"type\":\"number\",\"value\":\"12500.75\"},"
                + "{\"name\":\"Signed Up\",\"type\":\"date\",\"value\":\"2021-03-04\"},{\"name\":\"Newsletter\","
                + "\"type\":\"boolean\",\"value\":true},{\"name\":\"Visits\",\"type\":\"number\",\"value\":\"3\"},"
                + "{\"name\":\"VIP\",\"type\":\"boolean\",\"value\":true},{\"name\":\"Birthday\",\"type\":\"date\","
                + "\"value\":\"1990-05-01\"},{\"name\":\"Zip\",\"type\":\"string\",\"value\":\"01234\"}]");
        JsonNode second = item(rows.get(1));
        assertThat(second.get("attributes").get(0).get("value").asText()).isEqualTo("Rao, Asha \"A\"");
        assertThat(second.get("attributes")).extracting(attribute -> attribute.get("name").asText())
                .doesNotContain("email", "mobile", "Birthday");
    }

    @Test
    void everyBadCell_isListedByRowAndColumn() throws Exception {
        String message = problems("id,Amount:number,When:date,Opt In:boolean,mobile\n"
                + "a,1,2020-01-01,true,1\n"
                + "b,ten,2020-13-01,maybe,2\n"
                + "c,1e999,yesterday,false,3\n");

        assertThat(message).startsWith("customers.csv: 5 problems; the file was rejected and nothing was sent:")
                .contains("row 3, column B \"Amount:number\" (number): \"ten\" is not a number")
                .contains("row 3, column C \"When:date\" (date): \"2020-13-01\" is not a real calendar date")
                .contains("row 3, column D \"Opt In:boolean\" (boolean): \"maybe\" is not a boolean (true or false)")
                .contains("row 4, column B \"Amount:number\" (number): \"1e999\"")
                .contains("row 4, column C \"When:date\" (date): \"yesterday\" must be a date");
    }

    @Test
    void theHeader_mustNameEachColumnOnce_withAKnownType_andReservedAttributesAsStrings() throws Exception {
        String message = problems("id,Plan:strng,Plan,Plan:string,email:number," + "n".repeat(50) + ",\n"
                + "a,1,2,3,4,5,6\n");

        assertThat(message).contains("column B \"Plan:strng\": \"strng\" is not a column type; use string, number,"
                        + " date or boolean")
                .contains("column D \"Plan:string\": \"Plan\" is the name of an earlier column too")
                .contains("column E \"email:number\": email is a reserved string attribute; it cannot be number")
                .contains("column F \"" + "n".repeat(50) + "\": the attribute name")
                .contains("column G \"\": the attribute name \"\" is not allowed to be empty");
    }

    @Test
    void atMost25ColumnsAnd10000Rows_andEveryRowAsWideAsTheHeader() throws Exception {
        StringBuilder wide = new StringBuilder("id");
        for (int c = 1; c < 26; c++) {
            wide.append(",c").append(c);
        }
        assertThat(problems(wide + "\n")).contains("the header has 26 columns; at most 25 are accepted");
        StringBuilder tall = new StringBuilder("id,Plan\n");
        for (int r = 0; r < 10_001; r++) {
            tall.append("c").append(r).append(",gold\n");
        }
        assertThat(problems(tall.toString())).contains("the file has 10001 rows of customers; at most 10000");
        assertThat(CsvCustomers.read(csv(tall.substring(0, tall.lastIndexOf("c10000"))))).hasSize(10_000);
        assertThat(problems("id,Plan\na,gold,extra\nb\n")).contains("row 2 has 3 cells; the header has 2")
                .contains("row 3 has 1 cells; the header has 2");
    }

    @Test
    void aFileThatIsNotUtf8CsvText_isRejected() throws Exception {
        Path file = folder.resolve("latin1.csv");
        Files.write(file, "id,City\nc1,Z\u00fcrich\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(catchThrowableOfType(InputException.class, () -> CsvCustomers.read(file)).getMessage())
                .contains("not UTF-8 text");
        assertThat(problems("id,Note\nc1,\"never closed\n")).contains("row 2 opens a quoted field that is never closed");
        assertThat(problems("")).contains("the file is empty");
    }
}
