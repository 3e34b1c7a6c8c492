package dev.trackingapi.localapi;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * This module names again the versions of functions/pom.xml (the test-jar's test-scope dependencies do not come
 * along); each must stay the version the functions are built and tested with.
 */
class VersionsInStepTest {

    @Test
    void everyVersionNamedInBothPoms_isTheSame() throws Exception {
        Map<String, String> functions = properties(LocalApiTesting.ROOT.resolve("functions/pom.xml"));
        Map<String, String> localApi = properties(LocalApiTesting.ROOT.resolve("infrastructure/local-api/pom.xml"));

        assertThat(localApi.keySet()).contains("aws-sdk.version", "jackson.version", "dynamodb-local.version",
                "snakeyaml.version", "aws-lambda-java-serialization.version", "junit.version");
        localApi.forEach((name, version) -> {
            if (name.endsWith(".version")) {
                assertThat(functions).as(name + " in functions/pom.xml").containsEntry(name, version);
            }
        });
    }

    private static Map<String, String> properties(Path pom) throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile())
                .getDocumentElement();
        Map<String, String> properties = new TreeMap<>();
        NodeList children = ((Element) project.getElementsByTagName("properties").item(0)).getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element property) {
                properties.put(property.getTagName(), property.getTextContent().trim());
            }
        }
        return properties;
    }
}
