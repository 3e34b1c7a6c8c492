package dev.trackingapi.integration;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.trackingapi.template.TemplateTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The functions as `sam build` packages them (their classes and runtime-scope dependencies, nothing the tests add)
 * in a class loader of their own, as the Lambda runtime loads them; the runtime's serializer must read every event
 * in events/ there. The test classpath cannot show a missing dependency: DynamoDB Local brings Joda-Time along.
 */
class LambdaPackageTest {
    private static final Path CLASSES = Path.of("target", "classes");
    private static final Path RUNTIME_CLASSPATH = Path.of("target", "runtime-classpath.txt");

    private static URLClassLoader lambdaPackage;
    private static Path events;

    @BeforeAll
    static void loadThePackage() throws IOException {
        events = TemplateTables.findTemplate().map(template -> template.resolveSibling("events")).orElse(null);
        Assumptions.assumeTrue(events != null && Files.isDirectory(events), "events/ not found beside template.yaml");
        Assumptions.assumeTrue(Files.isRegularFile(RUNTIME_CLASSPATH), RUNTIME_CLASSPATH + " is written by `mvn test`");
        List<URL> urls = new ArrayList<>();
        urls.add(url(CLASSES));
        for (String entry : Files.readString(RUNTIME_CLASSPATH, StandardCharsets.UTF_8).trim().split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                urls.add(url(Path.of(entry)));
            }
        }
        lambdaPackage = new URLClassLoader("lambda-package", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    @AfterAll
    static void close() throws IOException {
        if (lambdaPackage != null) {
            lambdaPackage.close();
        }
    }

    @ParameterizedTest
    @CsvSource({
            "track-event-v2.json, com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent",
            "track-event.json, com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent",
            "rest-api-event.json, com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent",
            "track-user.json, com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent",
            "rest-api-customer.json, com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent",
            "track-batch.json, com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent",
            "authorizer.json, com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent"})
    void eventFile_isReadByTheRuntimeSerializer_withOnlyThePackagedClasses(String file, String eventClass)
            throws Exception {
        Class<?> type = Class.forName(eventClass, true, lambdaPackage);

        PojoSerializer<?> serializer = LambdaEventSerializers.serializerFor(type, lambdaPackage);
        Object event;
        try (InputStream in = Files.newInputStream(events.resolve(file))) {
            event = serializer.fromJson(in);
        }

        assertThat(event).isInstanceOf(type);
        assertThat(type.getMethod("getRequestContext").invoke(event)).isNotNull();
        assertThatThrownBy(() -> lambdaPackage.loadClass("software.amazon.dynamodb.services.local.main.ServerRunner"))
                .as("the package holds no test dependency")
                .isInstanceOf(ClassNotFoundException.class);
    }

    private static URL url(Path path) {
        try {
            return path.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
