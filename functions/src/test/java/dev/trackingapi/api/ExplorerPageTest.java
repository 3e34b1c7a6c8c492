package dev.trackingapi.api;

import dev.trackingapi.model.Digests;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The explorer's page: one document whose inline style and script are exactly those its policy allows. */
class ExplorerPageTest {
    private final ExplorerPage page = ExplorerPage.load();

    @Test
    void theInlineStyleAndScript_areTheOnlyOnesThePolicyAllows_byTheirHashes() {
        String html = page.html();
        String policy = page.headers().get("content-security-policy");

        assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("{{style}}").doesNotContain("{{script}}");
        assertThat(policy).contains("default-src 'none'").contains("connect-src 'self'")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(policy).contains("script-src '" + hash(inline(html, "script")) + "'")
                .contains("style-src '" + hash(inline(html, "style")) + "'");
        assertThat(page.headers()).containsEntry("content-type", "text/html; charset=utf-8")
                .containsEntry("referrer-policy", "no-referrer");
    }

    @Test
    void theScript_neverWritesDataAsHtml_norPutsTheKeyInAUrl() {
        String html = page.html();

        assertThat(html).doesNotContain("innerHTML").doesNotContain("outerHTML").doesNotContain("insertAdjacentHTML")
                .doesNotContain("localStorage").contains("sessionStorage");
        assertThat(inline(html, "script")).doesNotContainPattern("key=|\\?key|#key=");
    }

    private static String inline(String html, String tag) {
        Matcher matcher = Pattern.compile("<" + tag + ">(.*?)</" + tag + ">", Pattern.DOTALL).matcher(html);
        assertThat(matcher.find()).as(tag).isTrue();
        String content = matcher.group(1);
        assertThat(matcher.find()).as("only one " + tag).isFalse();
        return content;
    }

    private static String hash(String content) {
        return "sha256-" + Base64.getEncoder().encodeToString(Digests.sha256(content));
    }
}
