package dev.trackingapi.localapi;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No module has a parent (functions/ must build alone), so each names its versions again: this module those of
 * functions/pom.xml it runs the handlers on, template-support those of DynamoDB Local and SnakeYAML it brings to the
 * functions' tests, this module and the benchmark. A version named in several modules must be the same in each.
 */
class VersionsInStepTest {

    @Test
    void everyVersionNamedInSeveralModules_isTheSameInEach() throws Exception {
        Map<String, Map<String, String>> modulesByVersionName = new TreeMap<>();
        for (Element module : children(LocalApiTesting.ROOT.resolve("pom.xml"), "modules")) {
            String name = module.getTextContent().trim();
            for (Element property : children(LocalApiTesting.ROOT.resolve(name).resolve("pom.xml"), "properties")) {
                if (property.getTagName().endsWith(".version")) {
                    modulesByVersionName.computeIfAbsent(property.getTagName(), version -> new TreeMap<>())
                            .put(name, property.getTextContent().trim());
                }
            }
        }

        Map<String, List<String>> named = Map.of(
                "infrastructure/local-api", List.of("aws-sdk.version", "jackson.version",
                        "aws-lambda-java-serialization.version", "junit.version"),
                "infrastructure/template-support", List.of("aws-sdk.version", "jackson.version",
                        "dynamodb-local.version", "snakeyaml.version", "junit.version"));
        named.forEach((module, versions) -> versions.forEach(version ->
                assertThat(modulesByVersionName.get(version)).as(version).containsKey(module)));
        modulesByVersionName.forEach((version, modules) ->
                assertThat(new HashSet<>(modules.values())).as(version + " " + modules).hasSize(1));
    }

    /** The child elements of the project's first element of that name (its own, before any profile's). */
    private static List<Element> children(Path pom, String name) throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile())
                .getDocumentElement();
        List<Element> elements = new ArrayList<>();
        NodeList children = ((Element) project.getElementsByTagName(name).item(0)).getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }
}
