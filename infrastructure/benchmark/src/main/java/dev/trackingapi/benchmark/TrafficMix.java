package dev.trackingapi.benchmark;

import java.util.List;
import java.util.Random;

/**
 * A store's traffic, deterministic by seed: customers each sending events of a few kinds, every event with the same
 * attribute names and types for its kind and values that vary (strings, numbers, booleans, dates, arrays, maps,
 * custom objects), as /track/event/v2 bodies.
 */
public final class TrafficMix {
    public static final List<String> EVENT_NAMES = List.of("Product Viewed", "Add To Cart", "Remove From Cart",
            "Checkout Started", "Order Placed", "Payment Failed", "Search", "Wishlist Added");
    private static final String[][] ATTRIBUTES = {
            {"Product ID", "string"}, {"Price", "number"}, {"Quantity", "number"}, {"In Stock", "boolean"},
            {"Viewed At", "date"}, {"Tags", "string array"}, {"Category", "string"}, {"Discounts", "number map"},
            {"Gift Wrap", "boolean"}, {"Details", "custom"}, {"Currency", "string"}, {"Coupon Codes", "string array"}};
    private static final long BASE_TIME = 1_700_000_000_000L;

    private final int customers;
    private final int eventsPerCustomer;
    private final int attributesPerEvent;

    public TrafficMix(int customers, int eventsPerCustomer, int attributesPerEvent) {
        if (attributesPerEvent > ATTRIBUTES.length) {
            throw new IllegalArgumentException("at most " + ATTRIBUTES.length + " attributes per event");
        }
        this.customers = customers;
        this.eventsPerCustomer = eventsPerCustomer;
        this.attributesPerEvent = attributesPerEvent;
    }

    public int customers() {
        return customers;
    }

    public int events() {
        return customers * eventsPerCustomer;
    }

    /** Distinct event names the mix uses (each registers attributesPerEvent types once). */
    public int eventNamesUsed() {
        return Math.min(EVENT_NAMES.size(), events());
    }

    public int attributesPerEvent() {
        return attributesPerEvent;
    }

    public static String customerId(int customer) {
        return String.format("customer-%05d", customer);
    }

    /**
     * The body of one event. {@code pass} shifts the time so that a second pass sends new events of the same
     * customers, names and attributes.
     */
    public String body(int customer, int event, int pass) {
        int index = customer * eventsPerCustomer + event;
        Random random = new Random(31L * index + pass);
        String name = EVENT_NAMES.get(index % EVENT_NAMES.size());
        long time = BASE_TIME + pass * 10_000_000_000L + index * 1_000L;
        StringBuilder body = new StringBuilder(900)
                .append("{\"customerId\":\"").append(customerId(customer))
                .append("\",\"name\":\"").append(name)
                .append("\",\"time\":").append(time)
                .append(",\"attributes\":[");
        for (int a = 0; a < attributesPerEvent; a++) {
            if (a > 0) {
                body.append(',');
            }
            body.append("{\"name\":\"").append(ATTRIBUTES[a][0]).append("\",\"type\":\"").append(ATTRIBUTES[a][1])
                    .append("\",\"value\":");
            value(ATTRIBUTES[a][1], random, body);
            body.append('}');
        }
        return body.append("]}").toString();
    }

    private static void value(String type, Random random, StringBuilder out) {
        switch (type) {
            case "string" -> out.append("\"SKU-").append(100_000 + random.nextInt(900_000)).append('"');
            case "number" -> out.append(random.nextInt(100_000)).append('.').append(10 + random.nextInt(90));
            case "boolean" -> out.append(random.nextBoolean());
            case "date" -> out.append(String.format("\"2024-%02d-%02d %02d:%02d:%02d\"", 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60)));
            case "string array" -> {
                out.append('[');
                int size = 1 + random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    out.append(i == 0 ? "" : ",").append("\"tag").append(random.nextInt(50)).append('"');
                }
                out.append(']');
            }
            case "number map" -> out.append("{\"p1\":").append(random.nextInt(100)).append(".5,\"p2\":")
                    .append(random.nextInt(100)).append('}');
            case "custom" -> out.append("{\"sku\":\"S").append(random.nextInt(1000)).append("\",\"qty\":")
                    .append(1 + random.nextInt(5)).append(",\"lines\":[{\"id\":\"L1\",\"price\":")
                    .append(random.nextInt(1000)).append("}]}");
            default -> throw new IllegalArgumentException(type);
        }
    }
}
