package dev.trackingapi.validation;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Exact decimal numbers as DynamoDB stores them: at most 38 significant digits, magnitude 1E-130 to below 1E+126. */
final class Numbers {
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final int MAX_NUMBER_TEXT = 1000;
    private static final int MIN_EXPONENT = -130;
    private static final int MAX_EXPONENT = 125;

    private Numbers() {
    }

    /** Why the number cannot be stored exactly, or null when it can. */
    public static String problemWith(BigDecimal number) {
        if (number.signum() == 0) {
            return null;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        int digits = stripped.precision();
        if (digits > Limits.MAX_NUMBER_DIGITS) {
            return "has " + digits + " significant digits; at most " + Limits.MAX_NUMBER_DIGITS + " can be stored exactly";
        }
        long exponent = (long) stripped.precision() - stripped.scale() - 1;
        if (exponent > MAX_EXPONENT) {
            return "is too large: its magnitude must be below 1E+126";
        }
        if (exponent < MIN_EXPONENT) {
            return "is too small: a non-zero magnitude must be at least 1E-130";
        }
        return null;
    }

    /** Whether the number has no fractional part (1.0 and 1E+3 are whole). */
    public static boolean isWhole(BigDecimal number) {
        return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
    }

    /** Reads a string that is written as a JSON number ("732.23"), exactly; null when it is not one. */
    public static BigDecimal parseDecimalText(String text) {
        if (text.length() > MAX_NUMBER_TEXT || !JSON_NUMBER.matcher(text).matches()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
