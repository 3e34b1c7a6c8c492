package dev.trackingapi.model;

import com.fasterxml.jackson.databind.node.IntNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileCapTest {
    private static Attribute attribute(String name) {
        return new Attribute(name, AttributeType.NUMBER, IntNode.valueOf(1));
    }

    @Test
    void newAttributes_areAdmittedInRequestOrderWhileThereIsRoom() {
        ProfileCap.Admission admission = ProfileCap.admit(Set.of("a", "b"),
                List.of(attribute("c"), attribute("a"), attribute("d"), attribute("e")), 3);

        assertThat(admission.admitted()).extracting(Attribute::name).containsExactly("c", "a");
        assertThat(admission.overCap()).extracting(Attribute::name).containsExactly("d", "e");
    }

    @Test
    void attributesTheProfileHas_areAlwaysAdmitted() {
        ProfileCap.Admission admission = ProfileCap.admit(Set.of("a", "b", "c"),
                List.of(attribute("a"), attribute("x"), attribute("c")), 3);

        assertThat(admission.admitted()).extracting(Attribute::name).containsExactly("a", "c");
        assertThat(admission.overCap()).extracting(Attribute::name).containsExactly("x");
    }
}
