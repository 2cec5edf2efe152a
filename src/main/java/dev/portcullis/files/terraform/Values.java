package dev.portcullis.files.terraform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Terraform values as Java objects: a String, a BigDecimal, a Boolean, null, a List (tuple, list or set:
 * a set is kept sorted and without duplicates), a Map with String keys in lexical order (object or map,
 * iterated in that order as Terraform does), or {@link Unknown}: a value that cannot be known offline.
 */
public final class Values {

    private Values() {
    }

    /**
     * A value known only when Terraform runs (a data source, a module output, a variable without value).
     *
     * @param what what it is, as written ({@code data.openstack_networking_secgroup_v2.ext.id})
     * @param why  why it cannot be known offline
     */
    public record Unknown(String what, String why) {
        Unknown attr(String name) {
            return new Unknown(what + "." + name, why);
        }

        Unknown index(Object key) {
            return new Unknown(what + "[" + (key instanceof String s ? "\"" + s + "\"" : show(key)) + "]", why);
        }

        public String message() {
            return what + " " + why;
        }
    }

    /** An error in the configuration (a wrong type, a missing key), at a line. */
    public static final class EvalException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int line;

        public EvalException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /** The first unknown value in a value (deep), else null. */
    public static Unknown unknownIn(Object v) {
        if (v instanceof Unknown u) {
            return u;
        }
        if (v instanceof List<?> l) {
            for (Object o : l) {
                Unknown u = unknownIn(o);
                if (u != null) {
                    return u;
                }
            }
        }
        if (v instanceof Map<?, ?> m) {
            for (Object o : m.values()) {
                Unknown u = unknownIn(o);
                if (u != null) {
                    return u;
                }
            }
        }
        return null;
    }

    public static String typeName(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof BigDecimal) {
            return "number";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof List<?>) {
            return "list";
        }
        if (v instanceof Map<?, ?>) {
            return "object";
        }
        return "unknown";
    }

    /** A primitive as Terraform turns it into a string; null for what has no string form. */
    public static String asString(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof BigDecimal n) {
            return n.stripTrailingZeros().toPlainString();
        }
        if (v instanceof Boolean b) {
            return b.toString();
        }
        return null;
    }

    public static String string(Object v, int line, String what) {
        String s = asString(v);
        if (s == null) {
            throw new EvalException(line, what + " must be a string, not " + typeName(v));
        }
        return s;
    }

    public static BigDecimal number(Object v, int line, String what) {
        if (v instanceof BigDecimal n) {
            return n;
        }
        if (v instanceof String s) {
            try {
                return new BigDecimal(s.strip());
            } catch (NumberFormatException e) {
                throw new EvalException(line, what + ": \"" + s + "\" is not a number");
            }
        }
        throw new EvalException(line, what + " must be a number, not " + typeName(v));
    }

    public static int integer(Object v, int line, String what) {
        BigDecimal n = number(v, line, what);
        try {
            return n.intValueExact();
        } catch (ArithmeticException e) {
            throw new EvalException(line, what + " must be a whole number, not " + show(n));
        }
    }

    public static boolean bool(Object v, int line, String what) {
        if (v instanceof Boolean b) {
            return b;
        }
        if ("true".equals(v) || "false".equals(v)) {
            return Boolean.parseBoolean((String) v);
        }
        throw new EvalException(line, what + " must be true or false, not " + typeName(v));
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object v, int line, String what) {
        if (v instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new EvalException(line, what + " must be a list, not " + typeName(v));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object v, int line, String what) {
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new EvalException(line, what + " must be a map or object, not " + typeName(v));
    }

    /** A set made of a list: Terraform sets of strings are ordered lexically, without duplicates. */
    public static List<Object> set(List<Object> items) {
        List<Object> out = new ArrayList<>();
        for (Object o : items) {
            if (!out.contains(o)) {
                out.add(o);
            }
        }
        if (out.stream().allMatch(o -> o instanceof String)) {
            out.sort((a, b) -> ((String) a).compareTo((String) b));
        } else if (out.stream().allMatch(o -> o instanceof BigDecimal)) {
            out.sort((a, b) -> ((BigDecimal) a).compareTo((BigDecimal) b));
        }
        return out;
    }

    public static Map<String, Object> newMap() {
        return new TreeMap<>();
    }

    /** Equality as Terraform's {@code ==}: numbers by value. */
    public static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return java.util.Objects.equals(a, b);
    }

    /** A value as HCL would write it, for messages. */
    public static String show(Object v) {
        if (v instanceof String s) {
            return "\"" + s + "\"";
        }
        if (v instanceof List<?> l) {
            return l.stream().map(Values::show).toList().toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder out = new StringBuilder("{");
            m.forEach((k, x) -> out.append(out.length() > 1 ? ", " : "").append(k).append(" = ").append(show(x)));
            return out.append('}').toString();
        }
        if (v instanceof Unknown u) {
            return "(" + u.what() + ")";
        }
        String s = asString(v);
        return s == null ? "null" : s;
    }
}
