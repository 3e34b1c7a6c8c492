package dev.trackingapi.benchmark;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Item sizes as DynamoDB bills them (its documented rules): names and strings in UTF-8 bytes, a number one byte per two
 * significant digits plus one, booleans and nulls one byte, lists and maps three bytes plus one per element.
 * DynamoDB Local's own consumed-capacity figures are not reliable, so write units are computed from these sizes.
 */
public final class ItemSizes {
    public static final int WRITE_UNIT_BYTES = 1024;
    public static final int READ_UNIT_BYTES = 4096;

    private ItemSizes() {
    }

    public static long of(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + of(attribute.getValue());
        }
        return size;
    }

    public static long writeUnits(long itemBytes) {
        return Math.max(1, (itemBytes + WRITE_UNIT_BYTES - 1) / WRITE_UNIT_BYTES);
    }

    static long of(AttributeValue value) {
        switch (value.type()) {
            case S:
                return utf8(value.s());
            case N:
                return numberSize(value.n());
            case BOOL:
            case NUL:
                return 1;
            case L: {
                long size = 3;
                for (AttributeValue element : value.l()) {
                    size += 1 + of(element);
                }
                return size;
            }
            case M: {
                long size = 3;
                for (Map.Entry<String, AttributeValue> entry : value.m().entrySet()) {
                    size += 1 + utf8(entry.getKey()) + of(entry.getValue());
                }
                return size;
            }
            case SS: {
                long size = 0;
                for (String element : value.ss()) {
                    size += utf8(element);
                }
                return size;
            }
            case NS: {
                long size = 0;
                for (String element : value.ns()) {
                    size += numberSize(element);
                }
                return size;
            }
            case B:
                return value.b().asByteArray().length;
            default:
                return 0;
        }
    }

    private static long numberSize(String number) {
        BigDecimal decimal = new BigDecimal(number);
        int digits = decimal.signum() == 0 ? 1 : decimal.stripTrailingZeros().precision();
        return (digits + 1) / 2 + 1;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
