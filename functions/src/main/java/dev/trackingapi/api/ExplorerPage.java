package dev.trackingapi.api;

import dev.trackingapi.model.Digests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The data explorer's page, assembled from its three files (explorer.html, explorer.css, explorer.js in
 * {@value #FOLDER} on the classpath, so in the deployment package beside the classes) into one document with its
 * style and script inline, and the headers that serve it:
 * a Content-Security-Policy that allows exactly that style and that script (by their SHA-256), calls to the page's
 * own origin only, and no framing, so that nothing but the page itself ever sees the key pasted into it.
 */
public final class ExplorerPage {
    static final String FOLDER = "/dev/trackingapi/explorer/";
    private static final String STYLE_PLACEHOLDER = "/*{{style}}*/";
    private static final String SCRIPT_PLACEHOLDER = "/*{{script}}*/";

    private final String html;
    private final Map<String, String> headers;

    private ExplorerPage(String html, Map<String, String> headers) {
        this.html = html;
        this.headers = headers;
    }

    public static ExplorerPage load() {
        String template = resource("explorer.html");
        String style = resource("explorer.css");
        String script = resource("explorer.js");
        if (!template.contains(STYLE_PLACEHOLDER) || !template.contains(SCRIPT_PLACEHOLDER)) {
            throw new IllegalStateException("explorer.html must hold " + STYLE_PLACEHOLDER + " and " + SCRIPT_PLACEHOLDER);
        }
        String html = template.replace(STYLE_PLACEHOLDER, style).replace(SCRIPT_PLACEHOLDER, script);
        String policy = "default-src 'none'; style-src '" + hash(style) + "'; script-src '" + hash(script) + "';"
                + " connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none';"
                + " frame-ancestors 'none'";
        return new ExplorerPage(html, Map.of(
                "content-type", "text/html; charset=utf-8",
                "content-security-policy", policy,
                "x-content-type-options", "nosniff",
                "referrer-policy", "no-referrer",
                "cache-control", "no-cache"));
    }

    public String html() {
        return html;
    }

    public Map<String, String> headers() {
        return headers;
    }

    private static String hash(String inline) {
        return "sha256-" + Base64.getEncoder().encodeToString(Digests.sha256(inline));
    }

    private static String resource(String name) {
        try (InputStream in = ExplorerPage.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException(FOLDER + name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
