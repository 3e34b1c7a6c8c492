package dev.trackingapi.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A location in the request body, built cheaply while walking it: ["attributes", 3, "value"] labelled
 * attributes[3].value. Below an attribute sent in the typed form, the location also knows the attribute's name, so
 * that a message can say which attribute it means without the reader counting.
 */
public final class JsonPath {
    private static final JsonPath ROOT = new JsonPath(null, null, 0, null);

    private final JsonPath parent;
    private final Object step;
    private final int length;
    private final String attributeName;

    private JsonPath(JsonPath parent, Object step, int length, String attributeName) {
        this.parent = parent;
        this.step = step;
        this.length = length;
        this.attributeName = attributeName;
    }

    public static JsonPath root() {
        return ROOT;
    }

    public JsonPath field(String name) {
        return new JsonPath(this, name, length + 1, attributeName);
    }

    public JsonPath index(int index) {
        return new JsonPath(this, index, length + 1, attributeName);
    }

    /** The same location, below the attribute of this name (it and every location below it name it). */
    JsonPath ofAttribute(String name) {
        return new JsonPath(parent, step, length, name);
    }

    /** The label and, below a named attribute, its name: attributes[0].value ("Qty"). */
    String subject() {
        return attributeName == null ? label() : label() + " (\"" + attributeName + "\")";
    }

    public List<Object> steps() {
        List<Object> steps = new ArrayList<>(length);
        for (JsonPath p = this; p.parent != null; p = p.parent) {
            steps.add(p.step);
        }
        Collections.reverse(steps);
        return steps;
    }

    /** The last field name on the path, as Joi reports it in context.key. */
    public Object key() {
        return step;
    }

    public String label() {
        if (parent == null) {
            return "value";
        }
        StringBuilder label = new StringBuilder();
        for (Object s : steps()) {
            if (s instanceof Integer) {
                label.append('[').append(s).append(']');
            } else {
                if (label.length() > 0) {
                    label.append('.');
                }
                label.append(s);
            }
        }
        return label.toString();
    }

    @Override
    public String toString() {
        return label();
    }
}
