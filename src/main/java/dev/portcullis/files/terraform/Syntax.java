package dev.portcullis.files.terraform;

import java.util.List;

/**
 * The syntax tree of HCL native syntax as Terraform writes it: a body of attributes and blocks, and
 * expressions, every node with the line (from 1) it starts on. Made by {@link HclParser}, evaluated by
 * {@link Evaluator}.
 */
public final class Syntax {

    private Syntax() {
    }

    /** An attribute {@code name = expression}; {@code text} is the expression as written, for messages. */
    public record Attribute(String name, Expr value, int line, String text) {
    }

    /** A block {@code type "label" ... { body }}. */
    public record Block(String type, List<String> labels, Body body, int line) {
        public Block {
            labels = List.copyOf(labels);
        }
    }

    /** Attributes and nested blocks, in the order written. */
    public record Body(List<Attribute> attributes, List<Block> blocks) {
        public Body {
            attributes = List.copyOf(attributes);
            blocks = List.copyOf(blocks);
        }

        public Attribute attribute(String name) {
            return attributes.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
        }
    }

    /** An expression. */
    public sealed interface Expr {
        int line();
    }

    /** A literal: a String, a BigDecimal, a Boolean, or null. */
    public record Literal(Object value, int line) implements Expr {
    }

    /** A template: text, interpolations and directives ({@link TemplateIf}, {@link TemplateFor}). */
    public record Template(List<Expr> parts, int line) implements Expr {
        public Template {
            parts = List.copyOf(parts);
        }
    }

    public record TemplateIf(Expr condition, Template then, Template otherwise, int line) implements Expr {
    }

    public record TemplateFor(String keyVar, String valueVar, Expr collection, Template body, int line)
            implements Expr {
    }

    /** A name: {@code var}, {@code local}, a resource type, a bound name ({@code each}, a for variable). */
    public record Variable(String name, int line) implements Expr {
    }

    public record GetAttr(Expr object, String name, int line) implements Expr {
    }

    public record Index(Expr object, Expr key, int line) implements Expr {
    }

    /** {@code source[*].rest}: {@code each} is evaluated for every element, bound as {@link #ITEM}. */
    public record Splat(Expr source, Expr each, int line) implements Expr {
        public static final String ITEM = "\u0000splat";
    }

    public record Call(String name, List<Expr> args, boolean expandLast, int line) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** {@code [for k, v in coll : value if cond]} or {@code {for k, v in coll : key => value...}}. */
    public record For(String keyVar, String valueVar, Expr collection, Expr key, Expr value, Expr condition,
                      boolean grouping, int line) implements Expr {
    }

    public record Conditional(Expr condition, Expr then, Expr otherwise, int line) implements Expr {
    }

    public record Binary(String op, Expr left, Expr right, int line) implements Expr {
    }

    public record Unary(String op, Expr operand, int line) implements Expr {
    }

    public record Tuple(List<Expr> items, int line) implements Expr {
        public Tuple {
            items = List.copyOf(items);
        }
    }

    /** An object constructor; a bare name as key is its text (a {@link Literal}). */
    public record ObjectCons(List<Item> items, int line) implements Expr {
        public ObjectCons {
            items = List.copyOf(items);
        }
    }

    public record Item(Expr key, Expr value) {
    }
}
