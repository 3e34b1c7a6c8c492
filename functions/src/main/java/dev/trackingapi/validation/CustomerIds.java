package dev.trackingapi.validation;

import dev.trackingapi.model.JsonNodes;

/** A customer id given in a path, as in DELETE /customers/{id}: the same rules as a customer id in a body. */
public final class CustomerIds {
    private CustomerIds() {
    }

    /** @throws RequestValidationException (422, path ["id"]) when it is blank, too long, or holds control characters */
    public static String fromPath(String value) {
        Problems problems = new Problems();
        String customerId = Texts.requiredIdentifier(JsonNodes.FACTORY.textNode(value), JsonPath.root().field("id"),
                Limits.MAX_CUSTOMER_ID_LENGTH, problems);
        problems.throwIfAny();
        return customerId;
    }
}
