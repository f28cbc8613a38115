package dev.sender.bench.load;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** {@code --key value} options and {@code --flag}s of the load tool, with typed defaults. */
final class Options {

    private static final Set<String> FLAGS = Set.of("json", "redis", "bare-jetty", "no-bare-jetty");

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    Options(String[] args, int from) {
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String key = arg.substring(2);
            if (FLAGS.contains(key)) {
                flags.add(key);
            } else if (i + 1 < args.length) {
                values.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException("option '" + arg + "' needs a value");
            }
        }
    }

    int integer(String key, int fallback) {
        String v = values.get(key);
        return v == null ? fallback : Integer.parseInt(v);
    }

    double number(String key, double fallback) {
        String v = values.get(key);
        return v == null ? fallback : Double.parseDouble(v);
    }

    String text(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    boolean flag(String key) {
        return flags.contains(key);
    }
}
