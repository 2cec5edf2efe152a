package dev.portcullis.files.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.domain.Problem;
import dev.portcullis.files.terraform.Syntax.Attribute;
import dev.portcullis.files.terraform.Syntax.Block;
import dev.portcullis.files.terraform.Syntax.Body;
import dev.portcullis.files.terraform.Values.EvalException;
import dev.portcullis.files.terraform.Values.Unknown;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A Terraform module as Terraform reads it: the {@code .tf} files of a folder (or one file), its variables
 * (defaults, then {@code terraform.tfvars}, {@code terraform.tfvars.json}, {@code *.auto.tfvars} in lexical
 * order, then {@code -var-file}s, then {@code -var}s), its locals and its resources, with the file and line
 * of each. It is the {@link Evaluator.Scope} of its expressions: {@code var.x}, {@code local.x}, resources
 * ({@link Resources}), and {@code data}/{@code module} references, which cannot be known offline.
 */
public final class Configuration implements Evaluator.Scope {

    /** A top-level block and the file it is in (its label, for messages: {@code main.tf}). */
    public record Located(Path file, String label, Block block) {
        public String at(int line) {
            return label + ":" + line;
        }
    }

    private final List<Located> blocks = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<Problem> notices = new ArrayList<>();
    private final Map<String, Located> variables = new LinkedHashMap<>();
    private final Map<String, Object> variableValues = new HashMap<>();
    private final Map<String, Attribute> locals = new LinkedHashMap<>();
    private final Map<String, Located> localFiles = new HashMap<>();
    private final Map<String, Object> localValues = new HashMap<>();
    private final Set<String> localsInProgress = new HashSet<>();
    private final Evaluator evaluator = new Evaluator(this);
    private final Resources resources = new Resources(this);

    private Configuration() {
    }

    /** A {@code .tf} file, or a folder: all its {@code .tf} files (not its sub-folders, not .terraform/). */
    public static Configuration load(Path source, Map<String, String> variables, List<Path> variableFiles) {
        Configuration c = new Configuration();
        boolean folder = Files.isDirectory(source);
        List<Path> files = new ArrayList<>();
        if (folder) {
            try (Stream<Path> list = Files.list(source)) {
                list.filter(Files::isRegularFile).sorted().forEach(files::add);
            } catch (IOException e) {
                c.problems.add(new Problem(Codes.SYNTAX, source.toString(), "The folder cannot be read: " + e.getMessage()));
            }
        } else {
            files.add(source);
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.endsWith(".tf.json")) {
                c.problems.add(new Problem(Codes.NOT_READ, name, name + " is Terraform in its JSON syntax, which "
                        + "Portcullis does not read: the security groups and rules it defines are not reviewed. "
                        + "Write them in HCL (a .tf file) to have them reviewed, or review this file by other means."));
            } else if (name.endsWith(".tf") || !folder) {
                c.parseFile(f, name);
            }
        }
        if (folder && files.stream().noneMatch(f -> f.getFileName().toString().endsWith(".tf"))) {
            c.problems.add(new Problem(Codes.NOT_READ, source.toString(), "The folder holds no .tf file: it is "
                    + "not a Terraform module (sub-folders are modules of their own and are not read)."));
        }
        c.index();
        if (folder) {
            List<Path> auto = new ArrayList<>();
            auto.add(source.resolve("terraform.tfvars"));
            auto.add(source.resolve("terraform.tfvars.json"));
            files.stream().filter(f -> f.getFileName().toString().endsWith(".auto.tfvars")
                    || f.getFileName().toString().endsWith(".auto.tfvars.json")).forEach(auto::add);
            auto.stream().filter(Files::isRegularFile).forEach(c::variableFile);
        }
        variableFiles.forEach(c::variableFile);
        variables.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> c.commandLineVariable(e.getKey(), e.getValue()));
        return c;
    }

    /** One file's text (no folder: no tfvars), named {@code label} in messages. */
    public static Configuration of(String text, String label) {
        Configuration c = new Configuration();
        c.parseText(text, Path.of(label), label);
        c.index();
        return c;
    }

    public List<Located> blocks() {
        return blocks;
    }

    public List<Problem> problems() {
        return problems;
    }

    public List<Problem> notices() {
        return notices;
    }

    public Evaluator evaluator() {
        return evaluator;
    }

    public Resources resources() {
        return resources;
    }

    private void parseFile(Path file, String label) {
        try {
            // The parser takes the whole text: one file may be as long as a Java string (2 GiB of ASCII).
            if (Files.size(file) > Integer.MAX_VALUE - 16) {
                problems.add(new Problem(Codes.SYNTAX, label, file + " is larger than the 2 GiB a Terraform file "
                        + "may be."));
                return;
            }
            // Refuses what is not UTF-8, without the copy a decoder makes.
            parseText(Files.readString(file, StandardCharsets.UTF_8), file, label);
        } catch (CharacterCodingException e) {
            problems.add(new Problem(Codes.SYNTAX, label, file + " is not UTF-8 text, as Terraform files are."));
        } catch (IOException e) {
            problems.add(new Problem(Codes.SYNTAX, label, file + " cannot be read: " + e.getMessage()));
        }
    }

    private void parseText(String text, Path file, String label) {
        try {
            Body body = HclParser.parse(text);
            for (Attribute a : body.attributes()) {
                problems.add(new Problem(Codes.SYNTAX, label + ":" + a.line(), "The attribute \"" + a.name()
                        + "\" must be inside a block."));
            }
            body.blocks().forEach(b -> blocks.add(new Located(file, label, b)));
        } catch (HclParser.SyntaxException e) {
            problems.add(new Problem(Codes.SYNTAX, label + ":" + e.line(), "The Terraform file cannot be read at "
                    + label + " line " + e.line() + ": " + e.getMessage() + "."));
        }
    }

    private void index() {
        for (Located l : blocks) {
            Block b = l.block();
            switch (b.type()) {
                case "variable" -> {
                    if (b.labels().size() == 1) {
                        variables.put(b.labels().get(0), l);
                    }
                }
                case "locals" -> b.body().attributes().forEach(a -> {
                    locals.put(a.name(), a);
                    localFiles.put(a.name(), l);
                });
                case "resource" -> resources.declare(l);
                default -> {
                }
            }
        }
        for (Map.Entry<String, Located> v : variables.entrySet()) {
            Attribute d = v.getValue().block().body().attribute("default");
            if (d != null) {
                try {
                    variableValues.put(v.getKey(), constant(d.value()));
                } catch (EvalException e) {
                    problems.add(new Problem(Codes.NOT_READ, v.getValue().at(e.line()) + " var." + v.getKey(),
                            "The default cannot be read: " + e.getMessage() + "."));
                }
            }
        }
    }

    /** An expression without references: a default, a tfvars value. */
    private static Object constant(Syntax.Expr e) {
        return new Evaluator((root, attr, line) -> {
            throw new EvalException(line, "a variable's value cannot refer to " + root + "." + attr);
        }).eval(e, Map.of());
    }

    private void variableFile(Path file) {
        String label = file.getFileName().toString();
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (label.endsWith(".json")) {
                JsonNode json = new ObjectMapper().readTree(text);
                if (json == null || !json.isObject()) {
                    problems.add(new Problem(Codes.SYNTAX, label, "A .tfvars.json file must hold one JSON object."));
                    return;
                }
                json.fields().forEachRemaining(f -> assign(f.getKey(), fromJson(f.getValue()), label));
                return;
            }
            Body body = HclParser.parse(text);
            for (Attribute a : body.attributes()) {
                try {
                    assign(a.name(), constant(a.value()), label + ":" + a.line());
                } catch (EvalException e) {
                    problems.add(new Problem(Codes.NOT_READ, label + ":" + e.line() + " var." + a.name(),
                            "The value cannot be read: " + e.getMessage() + "."));
                }
            }
        } catch (HclParser.SyntaxException e) {
            problems.add(new Problem(Codes.SYNTAX, label + ":" + e.line(), "The variables file cannot be read at line "
                    + e.line() + ": " + e.getMessage() + "."));
        } catch (IOException e) {
            problems.add(new Problem(Codes.SYNTAX, label, "The variables file " + file + " cannot be read: "
                    + e.getMessage()));
        }
    }

    /** {@code -var NAME=VALUE}: an HCL value (list, map, number, bool) when it is one, else the text. */
    private void commandLineVariable(String name, String text) {
        Object value = text;
        Located decl = variables.get(name);
        Attribute type = decl == null ? null : decl.block().body().attribute("type");
        boolean stringType = type != null && type.text().equals("string");
        if (!stringType) {
            try {
                value = constant(HclParser.parseExpression(text));
            } catch (HclParser.SyntaxException | EvalException e) {
                value = text;
            }
        }
        assign(name, value, "-var " + name);
    }

    private void assign(String name, Object value, String from) {
        if (!variables.containsKey(name)) {
            notices.add(new Problem(Codes.NOT_READ, from, "A value is given for the variable \"" + name
                    + "\", which the configuration does not declare; it is not used."));
            return;
        }
        variableValues.put(name, value);
    }

    private static Object fromJson(JsonNode n) {
        if (n.isTextual()) {
            return n.asText();
        }
        if (n.isNumber()) {
            return n.decimalValue();
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isArray()) {
            List<Object> out = new ArrayList<>();
            n.forEach(x -> out.add(fromJson(x)));
            return out;
        }
        if (n.isObject()) {
            Map<String, Object> out = Values.newMap();
            n.fields().forEachRemaining(f -> out.put(f.getKey(), fromJson(f.getValue())));
            return out;
        }
        return null;
    }

    @Override
    public Object lookup(String root, String attr, int line) {
        switch (root) {
            case "var" -> {
                if (!variables.containsKey(attr)) {
                    throw new EvalException(line, "there is no variable \"" + attr + "\" in this configuration");
                }
                if (!variableValues.containsKey(attr)) {
                    return new Unknown("var." + attr, "has no default and no value was given (-var, -var-file, "
                            + "terraform.tfvars): it cannot be known offline");
                }
                return variableValues.get(attr);
            }
            case "local" -> {
                return local(attr, line);
            }
            case "data" -> {
                return new Unknown("data." + attr, attr.equals("terraform_remote_state")
                        ? "is the state of another configuration, read when Terraform runs: it cannot be known offline"
                        : "is a data source, read from the cloud when Terraform runs: it cannot be known offline");
            }
            case "module" -> {
                return new Unknown("module." + attr, "is an output of a module, which is not read here: it cannot "
                        + "be known offline");
            }
            case "count", "each", "self" -> throw new EvalException(line, root + "." + attr
                    + " is not available here (only in a resource with " + (root.equals("self") ? "a provisioner" : root
                    .equals("each") ? "for_each" : "count") + ")");
            default -> {
                return resources.reference(root, attr, line);
            }
        }
    }

    private Object local(String name, int line) {
        if (localValues.containsKey(name)) {
            return localValues.get(name);
        }
        Attribute a = locals.get(name);
        if (a == null) {
            throw new EvalException(line, "there is no local value \"" + name + "\" in this configuration");
        }
        if (!localsInProgress.add(name)) {
            throw new EvalException(line, "local." + name + " refers to itself");
        }
        try {
            Object v = evaluator.eval(a.value(), Map.of());
            localValues.put(name, v);
            return v;
        } finally {
            localsInProgress.remove(name);
        }
    }

    /** Where a local value is written, for messages about it. */
    String localAt(String name) {
        Located l = localFiles.get(name);
        return l == null ? "" : l.at(locals.get(name).line());
    }

}
