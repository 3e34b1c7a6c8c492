package dev.trackingapi.deployment;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The package every function deploys: its layout, what it must and must not hold, and its size (reported). */
class DeploymentPackageIT {
    /** Lambda's limits for a .zip package uploaded through S3: 250 MB unzipped; direct uploads stop at 50 MB zipped. */
    private static final long MAX_UNZIPPED = 250L * 1024 * 1024;
    private static final long MAX_ZIPPED_DIRECT = 50L * 1024 * 1024;

    @Test
    void everyHandlerClass_isAtTheRoot_andTheDependenciesAreInLib() throws IOException {
        List<String> files = DeploymentPackage.files();
        for (SamTemplate.Function function : SamTemplate.read(Repository.template()).functions()) {
            assertThat(files).contains(function.handlerClass().replace('.', '/') + ".class");
        }
        assertThat(files).as("the data explorer's page, served by ExplorerFunction").contains(
                "dev/trackingapi/explorer/explorer.html", "dev/trackingapi/explorer/explorer.css",
                "dev/trackingapi/explorer/explorer.js");
        assertThat(files).allSatisfy(file -> assertThat(file.startsWith("dev/trackingapi/") || file.startsWith("lib/")
                || file.startsWith("META-INF/")).as(file).isTrue());
        List<String> lib = files.stream().filter(file -> file.startsWith("lib/")).toList();
        assertThat(lib).allSatisfy(jar -> assertThat(jar).endsWith(".jar"));
        assertThat(String.join("\n", lib)).contains(
                "lib/software.amazon.awssdk.dynamodb-", "lib/software.amazon.awssdk.url-connection-client-",
                "lib/com.amazonaws.aws-lambda-java-core-", "lib/com.amazonaws.aws-lambda-java-events-",
                "lib/com.fasterxml.jackson.core.jackson-databind-", "lib/org.crac.crac-",
                // The Lambda runtime's event serializer needs Joda-Time from the function (LambdaPackageTest).
                "lib/joda-time.joda-time-");
    }

    @Test
    void noHeavyHttpClient_noTestCode_andNoTestDependency_isDeployed() throws IOException {
        String files = String.join("\n", DeploymentPackage.files()).toLowerCase(Locale.ROOT);
        for (String excluded : List.of("apache-client", "apache5-client", "netty-nio-client", "aws-crt", "dynamodblocal",
                "junit", "assertj", "snakeyaml", "testcontainers", "jetty", "sqlite", "/testing/",
                "integration/")) {
            assertThat(files).as(excluded).doesNotContain(excluded);
        }
    }

    @Test
    void thePackage_fitsLambdasLimits_andItsSizeIsReported() throws IOException {
        long zipped = Files.size(DeploymentPackage.zip());
        long unzipped = DeploymentPackage.uncompressedBytes();
        assertThat(zipped).isLessThan(MAX_ZIPPED_DIRECT);
        assertThat(unzipped).isLessThan(MAX_UNZIPPED);

        String report = String.format(Locale.ROOT, "deployment package (per function): %.1f MB zipped, %.1f MB unzipped,"
                        + " %d jars in lib/%n", zipped / 1_000_000.0, unzipped / 1_000_000.0,
                DeploymentPackage.files().stream().filter(file -> file.startsWith("lib/")).count());
        Path reportFile = DeploymentPackage.zip().resolveSibling("deployment-package.txt");
        Files.writeString(reportFile, report);
        System.out.print(report);
    }
}
