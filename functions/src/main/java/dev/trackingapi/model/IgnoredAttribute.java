package dev.trackingapi.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An attribute whose value was not applied, with the value itself so that it can be kept with the record.
 *
 * @param registeredType the attribute's registered type (type mismatches), else null
 * @param limit          the profile cap that was reached (limit exceeded), else null
 */
public record IgnoredAttribute(String attribute, Reason reason, AttributeType registeredType,
                               AttributeType receivedType, Integer limit, JsonNode value) {

    public enum Reason {
        TYPE_MISMATCH("type_mismatch"),
        ATTRIBUTE_LIMIT_EXCEEDED("attribute_limit_exceeded");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** The reason a stored code names. */
        public static Reason fromCode(String code) {
            for (Reason reason : values()) {
                if (reason.code.equals(code)) {
                    return reason;
                }
            }
            throw new IllegalArgumentException("Unknown stored reason: " + code);
        }

    }

    public static IgnoredAttribute typeMismatch(Attribute attribute, AttributeType registeredType) {
        return new IgnoredAttribute(attribute.name(), Reason.TYPE_MISMATCH, registeredType, attribute.type(), null,
                attribute.value());
    }

    public static IgnoredAttribute limitExceeded(Attribute attribute, int limit) {
        return new IgnoredAttribute(attribute.name(), Reason.ATTRIBUTE_LIMIT_EXCEEDED, null, attribute.type(), limit,
                attribute.value());
    }
}
