package dev.portcullis.files.terraform;

import dev.portcullis.files.terraform.Syntax.Expr;
import dev.portcullis.files.terraform.Values.EvalException;
import dev.portcullis.files.terraform.Values.Unknown;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates {@link Syntax} expressions to {@link Values}: templates and directives, operators (with
 * Terraform's conversions: {@code "22" + 1} is 23), conditionals, indexes and attributes, splats,
 * {@code for} expressions and the {@link Functions}. An unknown value makes what uses it unknown; a wrong
 * type or a missing key is an {@link EvalException} with its line. Names that are not bound here
 * ({@code var}, {@code local}, resources, {@code data}...) are asked of the {@link Scope}.
 */
public final class Evaluator {

    /** Where the names of a configuration come from. */
    public interface Scope {
        /** {@code root.attr}: a variable, a local, a resource, a data source... */
        Object lookup(String root, String attr, int line);
    }

    private final Scope scope;

    public Evaluator(Scope scope) {
        this.scope = scope;
    }

    public Object eval(Expr e, Map<String, Object> bound) {
        if (e instanceof Syntax.Literal l) {
            return l.value();
        }
        if (e instanceof Syntax.Template t) {
            return template(t, bound);
        }
        if (e instanceof Syntax.TemplateIf t) {
            Object c = eval(t.condition(), bound);
            return c instanceof Unknown ? c : Values.bool(c, t.line(), "the %{if} condition")
                    ? templateText(t.then(), bound) : templateText(t.otherwise(), bound);
        }
        if (e instanceof Syntax.TemplateFor t) {
            return templateFor(t, bound);
        }
        if (e instanceof Syntax.Variable v) {
            return variable(v, bound);
        }
        if (e instanceof Syntax.GetAttr g) {
            return getAttr(g, bound);
        }
        if (e instanceof Syntax.Index i) {
            return index(eval(i.object(), bound), eval(i.key(), bound), i.line());
        }
        if (e instanceof Syntax.Splat s) {
            return splat(s, bound);
        }
        if (e instanceof Syntax.Call c) {
            return call(c, bound);
        }
        if (e instanceof Syntax.For f) {
            return forExpression(f, bound);
        }
        if (e instanceof Syntax.Conditional c) {
            Object cond = eval(c.condition(), bound);
            return cond instanceof Unknown ? cond : Values.bool(cond, c.line(), "the condition")
                    ? eval(c.then(), bound) : eval(c.otherwise(), bound);
        }
        if (e instanceof Syntax.Binary b) {
            return binary(b, bound);
        }
        if (e instanceof Syntax.Unary u) {
            return unary(u, bound);
        }
        if (e instanceof Syntax.Tuple t) {
            List<Object> out = new ArrayList<>();
            t.items().forEach(item -> out.add(eval(item, bound)));
            return out;
        }
        Syntax.ObjectCons o = (Syntax.ObjectCons) e;
        Map<String, Object> out = Values.newMap();
        for (Syntax.Item item : o.items()) {
            Object key = eval(item.key(), bound);
            if (key instanceof Unknown u) {
                return u;
            }
            out.put(Values.string(key, item.key().line(), "an object key"), eval(item.value(), bound));
        }
        return out;
    }

    private Object template(Syntax.Template t, Map<String, Object> bound) {
        Expr only = t.parts().size() == 1 ? t.parts().get(0) : null;
        if (only != null && !(only instanceof Syntax.Literal l && l.value() instanceof String)
                && !(only instanceof Syntax.TemplateIf) && !(only instanceof Syntax.TemplateFor)) {
            return eval(t.parts().get(0), bound); // "${x}" is x itself, of its own type
        }
        return templateText(t, bound);
    }

    private Object templateText(Syntax.Template t, Map<String, Object> bound) {
        StringBuilder out = new StringBuilder();
        for (Expr part : t.parts()) {
            Object v = eval(part, bound);
            if (v instanceof Unknown u) {
                return u;
            }
            if (v == null) {
                throw new EvalException(part.line(), "a template cannot hold null");
            }
            out.append(Values.string(v, part.line(), "a value in a template"));
        }
        return out.toString();
    }

    private Object templateFor(Syntax.TemplateFor t, Map<String, Object> bound) {
        Object coll = eval(t.collection(), bound);
        if (coll instanceof Unknown) {
            return coll;
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<Object, Object> e : entries(coll, t.line())) {
            Map<String, Object> inner = new HashMap<>(bound);
            if (t.keyVar() != null) {
                inner.put(t.keyVar(), e.getKey());
            }
            inner.put(t.valueVar(), e.getValue());
            Object v = templateText(t.body(), inner);
            if (v instanceof Unknown) {
                return v;
            }
            out.append(v);
        }
        return out.toString();
    }

    private Object variable(Syntax.Variable v, Map<String, Object> bound) {
        if (bound.containsKey(v.name())) {
            return bound.get(v.name());
        }
        return switch (v.name()) {
            case "path" -> Map.of("module", ".", "root", ".", "cwd", ".");
            case "terraform" -> Map.of("workspace", "default");
            default -> throw new EvalException(v.line(), "\"" + v.name() + "\" is not defined here");
        };
    }

    private Object getAttr(Syntax.GetAttr g, Map<String, Object> bound) {
        if (g.object() instanceof Syntax.Variable v && !bound.containsKey(v.name())
                && !v.name().equals("path") && !v.name().equals("terraform")) {
            return scope.lookup(v.name(), g.name(), g.line());
        }
        return attr(eval(g.object(), bound), g.name(), g.line());
    }

    static Object attr(Object object, String name, int line) {
        if (object instanceof Unknown u) {
            return u.attr(name);
        }
        if (object instanceof Map<?, ?> m) {
            if (!m.containsKey(name)) {
                throw new EvalException(line, "there is no attribute \"" + name + "\" here (it has "
                        + String.join(", ", m.keySet().stream().map(String::valueOf).toList()) + ")");
            }
            return m.get(name);
        }
        throw new EvalException(line, "a " + Values.typeName(object) + " has no attribute \"" + name + "\"");
    }

    static Object index(Object object, Object key, int line) {
        if (object instanceof Unknown u) {
            return key instanceof Unknown ? u : u.index(key);
        }
        if (key instanceof Unknown u) {
            return u;
        }
        if (object instanceof List<?> l) {
            int i = Values.integer(key, line, "an index");
            if (i < 0 || i >= l.size()) {
                throw new EvalException(line, "the index " + i + " is outside the list (it has " + l.size() + " elements)");
            }
            return l.get(i);
        }
        if (object instanceof Map<?, ?> m) {
            String k = Values.string(key, line, "a key");
            if (!m.containsKey(k)) {
                throw new EvalException(line, "there is no key \"" + k + "\" here (it has "
                        + String.join(", ", m.keySet().stream().map(String::valueOf).toList()) + ")");
            }
            return m.get(k);
        }
        throw new EvalException(line, "a " + Values.typeName(object) + " cannot be indexed");
    }

    private Object splat(Syntax.Splat s, Map<String, Object> bound) {
        Object source = eval(s.source(), bound);
        if (source instanceof Unknown) {
            return source;
        }
        List<?> items = source == null ? List.of() : source instanceof List<?> l ? l : List.of(source);
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
            Map<String, Object> inner = new HashMap<>(bound);
            inner.put(Syntax.Splat.ITEM, item);
            out.add(eval(s.each(), inner));
        }
        return out;
    }

    private Object call(Syntax.Call c, Map<String, Object> bound) {
        if (c.name().equals("try") || c.name().equals("can")) {
            return Functions.tryOrCan(this, c, bound);
        }
        List<Object> args = new ArrayList<>();
        c.args().forEach(a -> args.add(eval(a, bound)));
        if (c.expandLast() && !args.isEmpty()) {
            Object last = args.remove(args.size() - 1);
            if (last instanceof Unknown) {
                return last;
            }
            args.addAll(Values.list(last, c.line(), "the argument expanded with ..."));
        }
        return Functions.call(c.name(), args, c.line());
    }

    private Object forExpression(Syntax.For f, Map<String, Object> bound) {
        Object coll = eval(f.collection(), bound);
        if (coll instanceof Unknown) {
            return coll;
        }
        List<Object> list = new ArrayList<>();
        Map<String, Object> map = Values.newMap();
        for (Map.Entry<Object, Object> e : entries(coll, f.line())) {
            Map<String, Object> inner = new HashMap<>(bound);
            if (f.keyVar() != null) {
                inner.put(f.keyVar(), e.getKey());
            }
            inner.put(f.valueVar(), e.getValue());
            if (f.condition() != null) {
                Object keep = eval(f.condition(), inner);
                if (keep instanceof Unknown) {
                    return keep;
                }
                if (!Values.bool(keep, f.condition().line(), "the if of a for expression")) {
                    continue;
                }
            }
            Object value = eval(f.value(), inner);
            if (f.key() == null) {
                list.add(value);
                continue;
            }
            Object key = eval(f.key(), inner);
            if (key instanceof Unknown) {
                return key;
            }
            String k = Values.string(key, f.key().line(), "a key");
            if (f.grouping()) {
                @SuppressWarnings("unchecked")
                List<Object> group = (List<Object>) map.computeIfAbsent(k, x -> new ArrayList<>());
                group.add(value);
            } else if (map.containsKey(k)) {
                throw new EvalException(f.line(), "the for expression makes the key \"" + k + "\" twice (add ... to group)");
            } else {
                map.put(k, value);
            }
        }
        return f.key() == null ? list : map;
    }

    /** The (key, value) pairs a for iterates: index and element of a list, key and value of a map. */
    static List<Map.Entry<Object, Object>> entries(Object coll, int line) {
        List<Map.Entry<Object, Object>> out = new ArrayList<>();
        if (coll instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                out.add(new java.util.AbstractMap.SimpleEntry<>(BigDecimal.valueOf(i), l.get(i)));
            }
        } else if (coll instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.add(new java.util.AbstractMap.SimpleEntry<>(k, v)));
        } else {
            throw new EvalException(line, "a for needs a list, set, map or object, not " + Values.typeName(coll));
        }
        return out;
    }

    private Object binary(Syntax.Binary b, Map<String, Object> bound) {
        Object l = eval(b.left(), bound);
        if (l instanceof Unknown) {
            return l;
        }
        if (b.op().equals("&&") && Boolean.FALSE.equals(l) || b.op().equals("||") && Boolean.TRUE.equals(l)) {
            return l;
        }
        Object r = eval(b.right(), bound);
        if (r instanceof Unknown) {
            return r;
        }
        int line = b.line();
        return switch (b.op()) {
            case "==" -> Values.same(l, r);
            case "!=" -> !Values.same(l, r);
            case "&&", "||" -> Values.bool(r, line, "the right of " + b.op());
            case "<" -> Values.number(l, line, "<").compareTo(Values.number(r, line, "<")) < 0;
            case "<=" -> Values.number(l, line, "<=").compareTo(Values.number(r, line, "<=")) <= 0;
            case ">" -> Values.number(l, line, ">").compareTo(Values.number(r, line, ">")) > 0;
            case ">=" -> Values.number(l, line, ">=").compareTo(Values.number(r, line, ">=")) >= 0;
            default -> arithmetic(b.op(), Values.number(l, line, b.op()), Values.number(r, line, b.op()), line);
        };
    }

    private static BigDecimal arithmetic(String op, BigDecimal l, BigDecimal r, int line) {
        if ((op.equals("/") || op.equals("%")) && r.signum() == 0) {
            throw new EvalException(line, "division by zero");
        }
        return switch (op) {
            case "+" -> l.add(r);
            case "-" -> l.subtract(r);
            case "*" -> l.multiply(r);
            case "/" -> l.divide(r, MathContext.DECIMAL64).stripTrailingZeros();
            case "%" -> l.remainder(r);
            default -> throw new EvalException(line, "unknown operator " + op);
        };
    }

    private Object unary(Syntax.Unary u, Map<String, Object> bound) {
        Object v = eval(u.operand(), bound);
        if (v instanceof Unknown) {
            return v;
        }
        return u.op().equals("!") ? !Values.bool(v, u.line(), "!") : Values.number(v, u.line(), "-").negate();
    }
}
