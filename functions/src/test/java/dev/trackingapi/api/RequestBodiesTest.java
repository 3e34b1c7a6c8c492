package dev.trackingapi.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RequestBodiesTest {

    private static HttpProblem problem(String body, boolean base64) {
        HttpProblem problem = catchThrowableOfType(HttpProblem.class, () -> RequestBodies.json(body, base64));
        assertThat(problem).as("expected a refusal of %s", body).isNotNull();
        return problem;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void bodiesUpTo256KB_areAccepted_andOneByteMoreIs413() {
        String exactly = "{\"a\":\"" + "x".repeat(256 * 1024 - 8) + "\"}";
        assertThat(exactly.getBytes(StandardCharsets.UTF_8)).hasSize(256 * 1024);

        assertThat(RequestBodies.json(exactly, false).get("a").textValue()).hasSize(256 * 1024 - 8);
        HttpProblem tooLarge = problem("{\"a\":\"" + "x".repeat(256 * 1024 - 7) + "\"}", false);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.getMessage()).contains("262145 bytes").contains("262144");
    }

    @Test
    void theLimitIsInBytes_notCharacters() {
        String multibyte = "{\"a\":\"" + "é".repeat(140_000) + "\"}";
        assertThat(problem(multibyte, false).status()).isEqualTo(413);
    }

    @ParameterizedTest
    @ValueSource(ints = {262_145, 262_146, 262_147, 300_008, 1_048_576})
    void aTooLargeBody_isRefusedWithItsExactSizeInBytes_however_itIsSent(int size) {
        String ascii = "x".repeat(size);
        String twoByteCharacters = "é".repeat(size / 2) + "x".repeat(size % 2);

        assertThat(problem(ascii, false).getMessage()).startsWith("The request body is " + size + " bytes;");
        assertThat(problem(twoByteCharacters, false).getMessage()).startsWith("The request body is " + size + " bytes;");
        assertThat(problem(base64(ascii.getBytes(StandardCharsets.UTF_8)), true).getMessage())
                .startsWith("The request body is " + size + " bytes;");
    }

    @Test
    void base64Bodies_areDecodedAndCheckedAfterDecoding() {
        assertThat(RequestBodies.json(base64("{\"a\":1}".getBytes(StandardCharsets.UTF_8)), true).get("a").intValue())
                .isEqualTo(1);
        assertThat(problem(base64(new byte[300 * 1024]), true).status()).isEqualTo(413);
        assertThat(problem("not base64!", true).getMessage()).contains("base64");
    }

    @Test
    void invalidUtf8_isABadRequest() {
        byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'};

        HttpProblem problem = problem(base64(bytes), true);

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.getMessage()).contains("UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"C0 AF", "E0 80 AF", "ED A0 80", "F4 90 80 80", "FF", "80", "E2 82", "F8 88 80 80 80"})
    void everyMalformedUtf8Sequence_isRefusedWithItsOffset_inValuesAndInKeysAlike(String hex) {
        byte[] sequence = java.util.HexFormat.of().parseHex(hex.replace(" ", ""));
        for (String template : new String[]{"{\"a\":\"%s\"}", "{\"%s\":1}"}) {
            String[] parts = template.split("%s");
            byte[] bytes = concat(parts[0].getBytes(StandardCharsets.UTF_8), sequence, parts[1].getBytes(StandardCharsets.UTF_8));

            HttpProblem problem = problem(base64(bytes), true);

            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.getMessage()).as(hex + " in " + template).contains("not valid UTF-8")
                    .contains("offset " + parts[0].length());
        }
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1}{\"b\":2}", "{\"a\":1} []", "{\"a\":1}\n{\"a\":1}", "{\"a\":1}]",
            "{\"a\":«[*1200»«]*1200»}", "{\"«k*60000»\":1}", "{\"a\":«9*1200»}"})
    void refusalsSpeakOfTheBody_notOfTheParsersClassesOrSettings(String template) {
        String body = template.replace("«[*1200»", "[".repeat(1200)).replace("«]*1200»", "]".repeat(1200))
                .replace("«k*60000»", "k".repeat(60_000)).replace("«9*1200»", "9".repeat(1200));

        HttpProblem problem = problem(body, false);

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.getMessage()).doesNotContain("`").doesNotContain("jackson").doesNotContain("Feature")
                .doesNotContain("Constraints").containsPattern("\\(line \\d+, column \\d+\\)");
    }

    @Test
    void contentAfterTheJsonValue_isNamedAsSuch() {
        assertThat(problem("{\"a\":1} {\"b\":2}", false).getMessage())
                .isEqualTo("The request body is not valid JSON: there is more content after the JSON value (line 1,"
                        + " column 9)");
    }

    @Test
    void aByteOrderMark_isABadRequest() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};
        assertThat(problem(base64(bom), true).getMessage()).contains("byte-order mark");
        assertThat(problem("\uFEFF{}", false).status()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE", "UTF-16", "UTF-32", "UTF-32LE"})
    void utf16And32Bodies_areRefusedAsNotUtf8_notDecodedSilently(String charset) {
        byte[] bytes = "{\"customerId\":\"c\"}".getBytes(java.nio.charset.Charset.forName(charset));

        HttpProblem problem = problem(base64(bytes), true);

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.getMessage()).contains("must be UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"a\":", "{\"a\":1,}", "{'a':1}", "{\"a\":1} trailing", "{\"a\":1}{}",
            "{\"a\":NaN}", "[1,2", "\"unterminated", "{\"a\":1,\"a\":2}", "tru"})
    void unparseableJson_isABadRequestThatSaysWhere(String body) {
        HttpProblem problem = problem(body, false);

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo("BadRequestError");
        assertThat(problem.getMessage()).startsWith("The request body is not valid JSON");
    }

    @Test
    void duplicateKeys_areNamed() {
        assertThat(problem("{\"customerId\":\"a\",\"customerId\":\"b\"}", false).getMessage()).contains("customerId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n"})
    void emptyBodies_areABadRequest(String body) {
        assertThat(problem(body, false).getMessage()).contains("empty");
    }

    @Test
    void aMissingBody_isABadRequest() {
        assertThat(problem(null, false).status()).isEqualTo(400);
    }

    @Test
    void numbers_areReadExactly() {
        assertThat(RequestBodies.json("{\"n\":0.1,\"big\":123456789012345678901234567890.5}", false).get("big")
                .decimalValue().toPlainString()).isEqualTo("123456789012345678901234567890.5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"time\":1e9999999999}", "{\"a\":[1,\n -1.5E-9999999999]}"})
    void numbersWhoseExponentOverflows_areABadRequestThatSaysWhere_notAnInternalError(String body) {
        HttpProblem problem = problem(body, false);

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.getMessage()).contains("exponent is out of range").contains("(line ");
    }

    @Test
    void extremeNesting_isABadRequestNotACrash() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThat(problem(deep, false).status()).isEqualTo(400);
    }
}
