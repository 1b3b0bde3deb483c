package io.antechamber.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code verify <command> <file> [--option value]...}, options in any order after the command. */
record CommandLine(String command, String file, Map<String, List<String>> options) {

    static CommandLine parse(String[] args) throws UsageError {
        if (args.length < 3 || !"verify".equals(args[0])) {
            throw new UsageError(args.length == 0 ? "nothing to verify" : "expected: verify <command> <file> ...");
        }
        String file = null;
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (i + 1 >= args.length) {
                    throw new UsageError(args[i] + " needs a value");
                }
                options.computeIfAbsent(args[i], name -> new ArrayList<>()).add(args[++i]);
            } else if (file == null) {
                file = args[i];
            } else {
                throw new UsageError("one file to verify, not " + file + " and " + args[i]);
            }
        }
        if (file == null) {
            throw new UsageError("which file? verify " + args[1] + " <file> ...");
        }
        return new CommandLine(args[1], file, options);
    }

    void allowOnly(String... names) throws UsageError {
        for (String name : options.keySet()) {
            if (!Arrays.asList(names).contains(name)) {
                throw new UsageError("verify " + command + " takes no " + name);
            }
        }
    }

    List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    /** The option's value, null when absent; refuses it given twice. */
    String one(String name) throws UsageError {
        List<String> values = all(name);
        if (values.size() > 1) {
            throw new UsageError(name + " given more than once");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    String required(String name) throws UsageError {
        String value = one(name);
        if (value == null) {
            throw new UsageError("verify " + command + " needs " + name);
        }
        return value;
    }
}
