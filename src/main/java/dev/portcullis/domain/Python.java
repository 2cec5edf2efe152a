package dev.portcullis.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The few Python built-ins whose behaviour Neutron's input conversions inherit: {@code int(x)},
 * {@code str(x)} and truthiness. Neutron accepts {@code " 22"}, {@code "2_2"}, {@code true} and
 * {@code 22.7} as ports because Python's {@code int()} does; we accept exactly the same.
 */
final class Python {

    /** Python's int() literal: any Unicode decimal digits, underscores between them, an optional sign. */
    private static final Pattern INT_LITERAL = Pattern.compile("[+-]?\\d+(?:_\\d+)*",
            Pattern.UNICODE_CHARACTER_CLASS);
    /** Past this many digits before the point a number is out of any range we check; Python's float is inf. */
    private static final int MAX_DIGITS = 40;
    private static final BigInteger HUGE = BigInteger.TEN.pow(MAX_DIGITS);

    private Python() {
    }

    /** {@code int(value)}, or empty where Python raises ValueError or TypeError. */
    static Optional<BigInteger> toInt(Raw value) {
        if (value instanceof Raw.Text t) {
            String s = strip(t.value());
            if (!INT_LITERAL.matcher(s).matches()) {
                return Optional.empty();
            }
            StringBuilder digits = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '-') {
                    digits.append('-');
                } else if (c != '_' && c != '+') {
                    digits.append(Character.forDigit(Character.digit(c, 10), 10));
                }
            }
            return Optional.of(new BigInteger(digits.toString()));
        }
        if (value instanceof Raw.Number n) {
            BigDecimal v = n.value();
            int integerDigits = v.precision() - v.scale();
            if (integerDigits <= 0) {
                return Optional.of(BigInteger.ZERO);
            }
            if (integerDigits > MAX_DIGITS) {
                // 1e999999999: never convert it digit by digit; it is beyond every range checked.
                return Optional.of(v.signum() < 0 ? HUGE.negate() : HUGE);
            }
            return Optional.of(v.setScale(0, RoundingMode.DOWN).toBigIntegerExact());
        }
        if (value instanceof Raw.Bool b) {
            return Optional.of(b.value() ? BigInteger.ONE : BigInteger.ZERO);
        }
        return Optional.empty();
    }

    /** {@code int(value)} when it fits in an int range check, else empty. */
    static Optional<Integer> toIntInRange(Raw value, int min, int max) {
        return toInt(value)
                .filter(v -> v.compareTo(BigInteger.valueOf(min)) >= 0 && v.compareTo(BigInteger.valueOf(max)) <= 0)
                .map(BigInteger::intValueExact);
    }

    /** Python's {@code str(value)}. */
    static String str(Raw value) {
        if (value instanceof Raw.Text t) {
            return t.value();
        }
        if (value instanceof Raw.Number n) {
            if (n.integral()) {
                return n.value().toBigInteger().toString();
            }
            return floatRepr(n.value());
        }
        if (value instanceof Raw.Bool b) {
            return b.value() ? "True" : "False";
        }
        if (value instanceof Raw.Null || value instanceof Raw.Absent) {
            return "None";
        }
        return value.toString();
    }

    /** Whether Python would call the value false ({@code not value}). */
    static boolean falsy(Raw value) {
        if (value.isMissing()) {
            return true;
        }
        if (value instanceof Raw.Text t) {
            return t.value().isEmpty();
        }
        if (value instanceof Raw.Number n) {
            return n.value().signum() == 0;
        }
        if (value instanceof Raw.Bool b) {
            return !b.value();
        }
        return false;
    }

    /** Python's {@code str.strip()} with no argument: leading and trailing white space. */
    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || (c >= 0x1c && c <= 0x1f);
    }

    /** repr() of a float: shortest round-trip digits, ".0" for whole numbers, exponent past 1e16. */
    private static String floatRepr(BigDecimal value) {
        double d = value.doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < 1e16) {
            return BigDecimal.valueOf(d).setScale(1, RoundingMode.UNNECESSARY).toPlainString();
        }
        String java = Double.toString(d);
        if (!java.contains("E")) {
            return java;
        }
        String[] parts = java.split("E");
        String mantissa = parts[0].endsWith(".0") ? parts[0].substring(0, parts[0].length() - 2) : parts[0];
        int exponent = Integer.parseInt(parts[1]);
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
}
