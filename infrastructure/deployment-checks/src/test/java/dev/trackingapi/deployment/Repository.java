package dev.trackingapi.deployment;

import dev.trackingapi.template.TemplateTables;

import java.nio.file.Files;
import java.nio.file.Path;

/** The files of the checkout these checks run in, and the shared folder beside it (as in CI: ../shared). */
final class Repository {
    private static final Path ROOT = locateRoot();

    private Repository() {
    }

    private static Path locateRoot() {
        Path template = TemplateTables.findTemplate().orElseThrow(() -> new IllegalStateException(
                "template.yaml not found above " + Path.of("").toAbsolutePath()));
        Path root = template.getParent();
        if (!Files.isRegularFile(root.resolve("functions/pom.xml"))) {
            throw new IllegalStateException(root + " has a template.yaml but no functions/pom.xml");
        }
        return root;
    }

    static Path root() {
        return ROOT;
    }

    static Path template() {
        return ROOT.resolve("template.yaml");
    }

    static Path functions() {
        return ROOT.resolve("functions");
    }

    static Path events() {
        return ROOT.resolve("events");
    }

    static Path openApi() {
        return ROOT.resolve("infrastructure/openapi.yaml");
    }

    static Path samConfig() {
        return ROOT.resolve("infrastructure/samconfig.toml");
    }

    /** ../shared/schemas/sam.schema.json beside the checkout; its absence is an error, never a skip. */
    static Path samSchema() {
        Path schema = ROOT.toAbsolutePath().getParent().resolve("shared/schemas/sam.schema.json");
        if (!Files.isRegularFile(schema)) {
            throw new IllegalStateException("The SAM schema is expected at " + schema
                    + " (the shared/ folder beside the checkout, as in CI)");
        }
        return schema;
    }
}
