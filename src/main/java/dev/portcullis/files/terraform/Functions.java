package dev.portcullis.files.terraform;

import dev.portcullis.files.terraform.Values.EvalException;
import dev.portcullis.files.terraform.Values.Unknown;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Terraform's built-in functions that a security group configuration uses, evaluated as Terraform does.
 * Functions whose result exists only when Terraform runs ({@code timestamp}, {@code uuid}, {@code file}...)
 * and functions not listed here give an {@link Unknown} naming them.
 */
public final class Functions {

    private static final Set<String> AT_RUN_TIME = Set.of("timestamp", "uuid", "uuidv5", "bcrypt", "file",
            "fileexists", "fileset", "filebase64", "templatefile", "plantimestamp", "filemd5", "filesha256");

    private Functions() {
    }

    static Object tryOrCan(Evaluator evaluator, Syntax.Call c, Map<String, Object> bound) {
        for (Syntax.Expr arg : c.args()) {
            try {
                Object v = evaluator.eval(arg, bound);
                Unknown u = Values.unknownIn(v);
                if (u != null) {
                    return u;
                }
                return c.name().equals("can") ? Boolean.TRUE : v;
            } catch (EvalException e) {
                if (c.name().equals("can")) {
                    return Boolean.FALSE;
                }
            }
        }
        throw new EvalException(c.line(), "no argument of try() could be evaluated");
    }

    public static Object call(String name, List<Object> args, int line) {
        try {
            return evaluate(name, args, line);
        } catch (EvalException e) {
            throw e;
        } catch (RuntimeException e) { // a number that is no whole number, a format's flags, a type mix-up
            throw new EvalException(line, name + "(): " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
        }
    }

    private static Object evaluate(String name, List<Object> args, int line) {
        if (AT_RUN_TIME.contains(name)) {
            return new Unknown(name + "()", "is known only when Terraform runs");
        }
        for (Object a : args) {
            Unknown u = Values.unknownIn(a);
            if (u != null && !name.equals("length") && !name.equals("coalesce")) {
                return u;
            }
        }
        String what = name + "()";
        return switch (name) {
            case "toset" -> Values.set(new ArrayList<>(Values.list(one(args, name, line), line, what)));
            case "tolist" -> new ArrayList<>(Values.list(one(args, name, line), line, what));
            case "tomap" -> Values.map(one(args, name, line), line, what);
            case "tostring" -> one(args, name, line) == null ? null : Values.string(args.get(0), line, what);
            case "tonumber" -> one(args, name, line) == null ? null : Values.number(args.get(0), line, what);
            case "tobool" -> one(args, name, line) == null ? null : Values.bool(args.get(0), line, what);
            case "length" -> length(one(args, name, line), line);
            case "element" -> element(args, line);
            case "lookup" -> lookup(args, line);
            case "concat" -> {
                List<Object> out = new ArrayList<>();
                args.forEach(a -> out.addAll(Values.list(a, line, what)));
                yield out;
            }
            case "flatten" -> flatten(Values.list(one(args, name, line), line, what), new ArrayList<>());
            case "merge" -> {
                Map<String, Object> out = Values.newMap();
                args.stream().filter(a -> a != null).forEach(a -> out.putAll(Values.map(a, line, what)));
                yield out;
            }
            case "format" -> Format.format(Values.string(arg(args, 0, name, line), line, what), args.subList(1,
                    args.size()), line);
            case "join" -> {
                String sep = Values.string(arg(args, 0, name, line), line, what);
                List<String> parts = new ArrayList<>();
                args.subList(1, args.size()).forEach(l -> Values.list(l, line, what)
                        .forEach(s -> parts.add(Values.string(s, line, what))));
                yield String.join(sep, parts);
            }
            case "split" -> new ArrayList<Object>(List.of(Values.string(arg(args, 1, name, line), line, what)
                    .split(Pattern.quote(Values.string(args.get(0), line, what)), -1)));
            case "replace" -> replace(args, line);
            case "regexall" -> regexall(args, line);
            case "contains" -> Values.list(arg(args, 0, name, line), line, what).stream()
                    .anyMatch(x -> Values.same(x, arg(args, 1, name, line)));
            case "cidrsubnet" -> Cidrs.subnet(Values.string(arg(args, 0, name, line), line, what),
                    Values.integer(arg(args, 1, name, line), line, what),
                    Values.number(arg(args, 2, name, line), line, what).toBigIntegerExact(), line);
            case "cidrhost" -> Cidrs.host(Values.string(arg(args, 0, name, line), line, what),
                    Values.number(arg(args, 1, name, line), line, what).toBigIntegerExact(), line);
            case "upper" -> Values.string(one(args, name, line), line, what).toUpperCase(Locale.ROOT);
            case "lower" -> Values.string(one(args, name, line), line, what).toLowerCase(Locale.ROOT);
            case "trimspace" -> Values.string(one(args, name, line), line, what).strip();
            case "keys" -> new ArrayList<Object>(Values.map(one(args, name, line), line, what).keySet());
            case "values" -> new ArrayList<>(Values.map(one(args, name, line), line, what).values());
            case "distinct" -> {
                List<Object> out = new ArrayList<>();
                Values.list(one(args, name, line), line, what).forEach(x -> {
                    if (out.stream().noneMatch(y -> Values.same(x, y))) {
                        out.add(x);
                    }
                });
                yield out;
            }
            case "coalesce" -> {
                for (Object a : args) {
                    if (a instanceof Unknown) {
                        yield a;
                    }
                    if (a != null && !"".equals(a)) {
                        yield a;
                    }
                }
                throw new EvalException(line, "coalesce(): every argument is null or empty");
            }
            default -> new Unknown(name + "()", "is a function Portcullis does not evaluate");
        };
    }

    private static Object arg(List<Object> args, int i, String name, int line) {
        if (i >= args.size()) {
            throw new EvalException(line, name + "() needs at least " + (i + 1) + " argument(s)");
        }
        return args.get(i);
    }

    private static Object one(List<Object> args, String name, int line) {
        if (args.size() != 1) {
            throw new EvalException(line, name + "() takes one argument, not " + args.size());
        }
        return args.get(0);
    }

    private static Object length(Object v, int line) {
        if (v instanceof Unknown) {
            return v;
        }
        if (v instanceof String s) {
            return BigDecimal.valueOf(s.codePointCount(0, s.length()));
        }
        if (v instanceof List<?> l) {
            return BigDecimal.valueOf(l.size());
        }
        if (v instanceof Map<?, ?> m) {
            return BigDecimal.valueOf(m.size());
        }
        throw new EvalException(line, "length() needs a string, list or map, not " + Values.typeName(v));
    }

    private static Object element(List<Object> args, int line) {
        List<Object> list = Values.list(arg(args, 0, "element", line), line, "element()");
        if (list.isEmpty()) {
            throw new EvalException(line, "element() of an empty list");
        }
        int i = Values.integer(arg(args, 1, "element", line), line, "element()");
        if (i < 0) {
            throw new EvalException(line, "element() needs an index of 0 or more");
        }
        return list.get(i % list.size());
    }

    private static Object lookup(List<Object> args, int line) {
        Map<String, Object> map = Values.map(arg(args, 0, "lookup", line), line, "lookup()");
        String key = Values.string(arg(args, 1, "lookup", line), line, "lookup()");
        if (map.containsKey(key)) {
            return map.get(key);
        }
        if (args.size() > 2) {
            return args.get(2);
        }
        throw new EvalException(line, "lookup(): there is no key \"" + key + "\" and no default");
    }

    private static List<Object> flatten(List<Object> in, List<Object> out) {
        for (Object o : in) {
            if (o instanceof List<?> l) {
                @SuppressWarnings("unchecked")
                List<Object> inner = (List<Object>) l;
                flatten(inner, out);
            } else {
                out.add(o);
            }
        }
        return out;
    }

    private static Object replace(List<Object> args, int line) {
        String s = Values.string(arg(args, 0, "replace", line), line, "replace()");
        String sub = Values.string(arg(args, 1, "replace", line), line, "replace()");
        String with = Values.string(arg(args, 2, "replace", line), line, "replace()");
        if (sub.length() > 1 && sub.startsWith("/") && sub.endsWith("/")) {
            return pattern(sub.substring(1, sub.length() - 1), line).matcher(s)
                    .replaceAll(with.replaceAll("\\$\\{(\\w+)\\}", "\\$$1"));
        }
        return s.replace(sub, with);
    }

    private static Object regexall(List<Object> args, int line) {
        Pattern p = pattern(Values.string(arg(args, 0, "regexall", line), line, "regexall()"), line);
        Matcher m = p.matcher(Values.string(arg(args, 1, "regexall", line), line, "regexall()"));
        List<Object> out = new ArrayList<>();
        while (m.find()) {
            if (m.groupCount() == 0) {
                out.add(m.group());
            } else {
                List<Object> groups = new ArrayList<>();
                for (int g = 1; g <= m.groupCount(); g++) {
                    groups.add(m.group(g));
                }
                out.add(groups);
            }
        }
        return out;
    }

    private static Pattern pattern(String regex, int line) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new EvalException(line, "\"" + regex + "\" is not a regular expression: " + e.getDescription());
        }
    }

    /** cidrsubnet and cidrhost on IPv4 and IPv6 prefixes. */
    static final class Cidrs {
        private Cidrs() {
        }

        static String subnet(String prefix, int newBits, BigInteger netNum, int line) {
            Parsed p = parse(prefix, line);
            int length = p.length + newBits;
            if (newBits < 0 || length > p.bits || netNum.signum() < 0 || netNum.bitLength() > newBits) {
                throw new EvalException(line, "cidrsubnet(" + prefix + ", " + newBits + ", " + netNum
                        + "): the subnet does not fit in the prefix");
            }
            BigInteger address = p.network.or(netNum.shiftLeft(p.bits - length));
            return text(address, p.bits) + "/" + length;
        }

        static String host(String prefix, BigInteger hostNum, int line) {
            Parsed p = parse(prefix, line);
            BigInteger size = BigInteger.ONE.shiftLeft(p.bits - p.length);
            BigInteger n = hostNum.signum() < 0 ? size.add(hostNum) : hostNum;
            if (n.signum() < 0 || n.compareTo(size) >= 0) {
                throw new EvalException(line, "cidrhost(" + prefix + ", " + hostNum + "): the host is outside the prefix");
            }
            return text(p.network.or(n), p.bits);
        }

        private record Parsed(BigInteger network, int length, int bits) {
        }

        private static Parsed parse(String prefix, int line) {
            int slash = prefix.indexOf('/');
            String host = slash < 0 ? prefix : prefix.substring(0, slash);
            if (slash < 0 || !host.matches("[0-9a-fA-F:.]+")) {
                throw new EvalException(line, "\"" + prefix + "\" is not a CIDR prefix");
            }
            try {
                byte[] bytes = InetAddress.getByName(host).getAddress();
                int bits = bytes.length * 8;
                int length = Integer.parseInt(prefix.substring(slash + 1));
                if (length < 0 || length > bits) {
                    throw new EvalException(line, "\"" + prefix + "\" has a prefix length outside 0-" + bits);
                }
                BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                        .xor(BigInteger.ONE.shiftLeft(bits - length).subtract(BigInteger.ONE));
                return new Parsed(new BigInteger(1, bytes).and(mask), length, bits);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new EvalException(line, "\"" + prefix + "\" is not a CIDR prefix");
            }
        }

        private static String text(BigInteger address, int bits) {
            byte[] raw = address.toByteArray();
            byte[] bytes = new byte[bits / 8];
            int copy = Math.min(raw.length, bytes.length);
            System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
            try {
                String s = InetAddress.getByAddress(bytes).getHostAddress();
                return bits == 32 ? s : compress(s);
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Java writes 2001:db8:0:0:0:0:0:1; Terraform (Go) writes 2001:db8::1. */
        private static String compress(String full) {
            String[] groups = full.split(":");
            int bestStart = -1;
            int bestLength = 1;
            for (int i = 0; i < groups.length; i++) {
                int j = i;
                while (j < groups.length && groups[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLength) {
                    bestStart = i;
                    bestLength = j - i;
                }
            }
            if (bestStart < 0) {
                return full;
            }
            String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
            String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
            return head + "::" + tail;
        }
    }
}
