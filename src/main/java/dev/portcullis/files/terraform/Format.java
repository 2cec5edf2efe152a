package dev.portcullis.files.terraform;

import dev.portcullis.files.terraform.Values.EvalException;

import java.util.List;

/** Terraform's {@code format()}: the verbs {@code %s %d %v %q %f %x %%}, with flags, width and precision. */
final class Format {

    private Format() {
    }

    static String format(String spec, List<Object> args, int line) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            int start = i++;
            while (i < spec.length() && "-+# 0123456789.".indexOf(spec.charAt(i)) >= 0) {
                i++;
            }
            if (i >= spec.length()) {
                throw new EvalException(line, "format(): \"" + spec.substring(start) + "\" has no verb");
            }
            char verb = spec.charAt(i);
            if (verb == '%') {
                out.append('%');
                continue;
            }
            if (next >= args.size()) {
                throw new EvalException(line, "format(): not enough arguments for \"" + spec + "\"");
            }
            String flags = spec.substring(start + 1, i);
            Object arg = args.get(next++);
            out.append(switch (verb) {
                case 's', 'v' -> String.format("%" + flags + "s", arg instanceof String s ? s : Values.show(arg));
                case 'q' -> String.format("%" + flags + "s", Values.show(Values.string(arg, line, "format() %q")));
                case 'd' -> String.format("%" + flags + "d", Values.number(arg, line, "format() %d").toBigIntegerExact());
                case 'f' -> String.format("%" + flags + "f", Values.number(arg, line, "format() %f"));
                case 'x' -> arg instanceof String s ? String.format("%" + flags + "x", new java.math.BigInteger(1, s.getBytes(
                        java.nio.charset.StandardCharsets.UTF_8))) : String.format("%" + flags + "x",
                        Values.number(arg, line, "format() %x").toBigIntegerExact());
                default -> throw new EvalException(line, "format(): %" + verb + " is not a verb Portcullis evaluates");
            });
        }
        return out.toString();
    }

}
