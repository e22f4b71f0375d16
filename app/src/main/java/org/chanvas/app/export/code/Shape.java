package org.chanvas.app.export.code;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chanvas.model.Channel;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.chanvas.model.script.ParsedScript;
import org.chanvas.model.script.ScriptParser;

/**
 * What every generator needs to know about a network, read once: each process's parsed script, its parameters,
 * and which channel each of its ports is an end of. Names are made safe for the targets here, so all three
 * programs use the same names.
 */
record Shape(String title, String description, List<Proc> processes, List<Channel> channels) {

    /** Words no generated name may be: the three targets' keywords and the generators' own helpers. */
    private static final Set<String> TAKEN = Set.of("and", "as", "assert", "async", "await", "break", "case", "chan",
            "class", "const", "continue", "def", "default", "defer", "del", "elif", "else", "except", "fallthrough",
            "false", "finally", "for", "from", "func", "global", "go", "goto", "if", "import", "in", "interface",
            "is", "lambda", "map", "nonlocal", "not", "or", "package", "pass", "raise", "range", "return", "select",
            "struct", "switch", "try", "type", "var", "while", "with", "yield", "None", "True", "False", "int",
            "bool", "byte", "short", "bit", "mtype", "proctype", "init", "active", "run", "do", "od", "fi", "skip",
            "timeout", "printf", "len", "str", "all", "any", "print", "list", "self", "main", "show", "net", "os",
            "time", "sync", "fmt", "random", "string", "atomic", "d_step", "unless", "never", "hidden", "show_",
            "np_", "pid", "nil", "true", "Value", "add", "div", "mod", "same", "truth", "item", "length", "network",
            "multiprocessing", "mp", "sys", "queue", "Queue", "Process", "exit", "stopped", "use", "say", "call",
            "send", "recv", "serve", "reply", "select_", "literal", "neg", "arith", "asInt", "asList", "setItem",
            "toInt", "allOf", "anyOf", "randomInt", "Request", "Network", "Unbounded", "Buffered", "Rendezvous",
            "Call", "waiting", "AFTER", "IDLE_SECONDS", "supervise", "waiters", "labels", "childFlag", "bufio", "flag",
            "exec", "strings", "strconv", "rand", "tracker", "argparse", "seed", "Chanvas", "Q", "GET", "PUT", "Guard",
            "Tracker", "arguments", "options", "moved", "waits", "sort", "rng");

    /** One process: its script read, its parameters, and its ports' channels in first-use order. */
    record Proc(Process process, String name, ParsedScript script, Map<String, Channel> ports, String[] lines) {

        /**
         * A port's name in generated code. The script keeps ports and variables apart ({@code s0 = recv s0}); the
         * targets have one namespace, so a port whose name the script also uses as a word elsewhere gets a suffix.
         */
        String port(String port) {
            String base = safe(port);
            Pattern word = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(port) + "(?![A-Za-z0-9_])");
            Pattern asPort = Pattern.compile("\\b(send|recv|call|reply)\\s+$");
            String text = withoutComments(process.script());
            Matcher m = word.matcher(text);
            while (m.find()) {
                if (!asPort.matcher(text.substring(Math.max(0, m.start() - 12), m.start())).find()) {
                    return base + "_port";
                }
            }
            for (String k : process.params().keySet()) {
                if (k.equals(port)) {
                    return base + "_port";
                }
            }
            return base;
        }

        String label() {
            return process.displayLabel();
        }

        /** The parameter's name in generated code. */
        Map<String, Object> params() {
            return process.params();
        }
    }

    static Shape of(Network network) throws CodeGenerator.Unsupported {
        List<Proc> procs = new ArrayList<>();
        for (Process p : network.processes()) {
            ParsedScript parsed = ScriptParser.parse(p.script());
            if (!parsed.ok()) {
                var d = parsed.diagnostics().getFirst();
                throw new CodeGenerator.Unsupported("process " + p.id() + ", line " + d.pos().line() + ": "
                        + d.message());
            }
            Map<String, Channel> ports = new LinkedHashMap<>();
            for (String port : parsed.ports().keySet()) {
                Endpoint end = new Endpoint(p.id(), port);
                Channel c = network.channels().stream()
                        .filter(ch -> ch.writers().contains(end) || ch.readers().contains(end)).findFirst()
                        .orElseThrow(() -> new CodeGenerator.Unsupported("process " + p.id() + ": port " + port
                                + " is not connected to a channel"));
                ports.put(port, c);
            }
            procs.add(new Proc(p, safe(p.id()), parsed, ports, p.script().split("\n", -1)));
        }
        return new Shape(network.title(), network.description(), procs, network.channels());
    }

    /** The script with each {@code #} comment blanked out (a {@code #} inside a string is text). */
    static String withoutComments(String script) {
        StringBuilder out = new StringBuilder(script.length());
        boolean inString = false;
        boolean inComment = false;
        for (int i = 0; i < script.length(); i++) {
            char ch = script.charAt(i);
            if (ch == '\n') {
                inComment = false;
                inString = false;
            } else if (!inComment && ch == '"' && (i == 0 || script.charAt(i - 1) != '\\')) {
                inString = !inString;
            } else if (!inString && ch == '#') {
                inComment = true;
            }
            out.append(inComment ? ' ' : ch);
        }
        return out.toString();
    }

    /** An identifier every target accepts, close to {@code id}: ids may hold '-', and may be a keyword. */
    static String safe(String id) {
        String s = id.replace('-', '_');
        return TAKEN.contains(s) ? s + "_" : s;
    }

    /** Full-line {@code #} comments of a script, by line (1-based), for generators that keep them. */
    static String commentAt(Proc p, int line) {
        if (line < 1 || line > p.lines().length) {
            return null;
        }
        String t = p.lines()[line - 1].strip();
        return t.startsWith("#") ? t.substring(1).strip() : null;
    }
}
