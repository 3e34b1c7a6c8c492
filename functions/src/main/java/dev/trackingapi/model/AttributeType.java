package dev.trackingapi.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The attribute types of the Growlytics API. Their wire names are what clients send and what the registry stores. */
public enum AttributeType {
    STRING("string", Shape.SCALAR, null),
    NUMBER("number", Shape.SCALAR, null),
    BOOLEAN("boolean", Shape.SCALAR, null),
    DATE("date", Shape.SCALAR, null),
    STRING_ARRAY("string array", Shape.ARRAY, STRING),
    NUMBER_ARRAY("number array", Shape.ARRAY, NUMBER),
    BOOLEAN_ARRAY("boolean array", Shape.ARRAY, BOOLEAN),
    DATE_ARRAY("date array", Shape.ARRAY, DATE),
    STRING_MAP("string map", Shape.MAP, STRING),
    NUMBER_MAP("number map", Shape.MAP, NUMBER),
    BOOLEAN_MAP("boolean map", Shape.MAP, BOOLEAN),
    DATE_MAP("date map", Shape.MAP, DATE),
    CUSTOM("custom", Shape.CUSTOM, null);

    public enum Shape { SCALAR, ARRAY, MAP, CUSTOM }

    private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s_-]+");
    private static final Map<String, AttributeType> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(AttributeType::wireName, Function.identity()));
    private static final Map<String, AttributeType> ALIASES = Map.of("bigint", NUMBER);
    private static final List<String> WIRE_NAMES = Arrays.stream(values()).map(AttributeType::wireName).toList();

    private final String wireName;
    private final Shape shape;
    private final AttributeType elementType;

    AttributeType(String wireName, Shape shape, AttributeType elementType) {
        this.wireName = wireName;
        this.shape = shape;
        this.elementType = elementType;
    }

    public String wireName() {
        return wireName;
    }

    public Shape shape() {
        return shape;
    }

    /** The scalar type of the elements of an array or map type; null for scalars and custom. */
    public AttributeType elementType() {
        return elementType;
    }

    public boolean isArray() {
        return shape == Shape.ARRAY;
    }

    /**
     * Reads a type name the way clients write it: case-insensitive, with any run of spaces, '_' or '-'
     * between words ("String_Array", "string-array" and "string array" are one type); "bigint" is a number.
     */
    public static Optional<AttributeType> fromName(String name) {
        String normalised = WORD_SEPARATORS.matcher(name.trim().toLowerCase(Locale.ROOT)).replaceAll(" ");
        AttributeType type = BY_WIRE_NAME.get(normalised);
        return Optional.ofNullable(type != null ? type : ALIASES.get(normalised));
    }

    /** Reads a wire name as stored by this project (exact). */
    public static AttributeType fromWireName(String wireName) {
        AttributeType type = BY_WIRE_NAME.get(wireName);
        if (type == null) {
            throw new IllegalArgumentException("Unknown stored attribute type: " + wireName);
        }
        return type;
    }

    public static List<String> wireNames() {
        return WIRE_NAMES;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
