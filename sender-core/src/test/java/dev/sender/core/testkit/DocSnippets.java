package dev.sender.core.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.jspecify.annotations.Nullable;

/**
 * The Java of a Markdown page, compiled and run by a test, so that the page never shows code that does not work.
 *
 * <p>Every {@code ```java} block of a page is one of two things:
 * <ul>
 * <li>a program: a complete compilation unit, imports included, whose one top-level {@code public class} has a
 *     {@code public static void main(String[])}. {@link #compile} compiles every program of the page with the test's
 *     class path ({@code -Xlint:all -Werror}: a deprecated call fails too), and {@link #run} runs one, as
 *     {@code java} would. The class names of a page's programs are distinct.
 * <li>a fragment, for a reason the page gives on the line before the block, in an HTML comment that readers do not
 *     see: {@code <!-- fragment: the reason -->}. Fragments are neither compiled nor run; keep them rare.
 * </ul>
 *
 * <p>Pages are written for a server on {@code http://127.0.0.1:5080}, the standalone server's default address. A
 * test runs them against what it started instead, by giving the replacements of such addresses (or paths) to
 * {@link #compile}; nothing else of the code changes. {@link #close()} fails when a program of the page was never
 * run, so that a new snippet cannot go unchecked.
 */
public final class DocSnippets implements AutoCloseable {

    /** How long a program may run. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final Pattern FENCE = Pattern.compile("(?m)^```java[ \\t]*\\n(.*?)^```[ \\t]*$", Pattern.DOTALL);
    private static final Pattern FRAGMENT = Pattern.compile("<!--\\s*fragment:\\s*(.*?)\\s*-->\\s*$");
    private static final Pattern PUBLIC_CLASS = Pattern.compile("(?m)^public\\s+(?:final\\s+)?class\\s+(\\w+)");
    private static final Pattern MAIN = Pattern.compile("public\\s+static\\s+void\\s+main\\s*\\(\\s*String");

    /**
     * One {@code ```java} block.
     *
     * @param page the page's file name, such as {@code client.md}
     * @param line the line of the page where the code starts, counting from 1
     * @param code the code, as the page shows it
     * @param fragmentReason why the block is a fragment, or {@code null} for a program
     */
    public record Snippet(String page, int line, String code, @Nullable String fragmentReason) {

        /** {@return the name of the program's public class, or {@code null} for a fragment} */
        public @Nullable String className() {
            Matcher m = PUBLIC_CLASS.matcher(code);
            return fragmentReason == null && m.find() ? m.group(1) : null;
        }

        /** {@return {@code page:line}, where a reader finds the snippet} */
        public String where() {
            return page + ":" + line;
        }
    }

    private final List<Snippet> snippets;
    private final Map<String, Snippet> programs = new LinkedHashMap<>();
    private final Set<String> ran = new LinkedHashSet<>();
    private final Path classes;
    private final URLClassLoader loader;

    private DocSnippets(List<Snippet> snippets, Path classes) {
        this.snippets = snippets;
        for (Snippet snippet : snippets) {
            if (snippet.className() != null) {
                programs.put(snippet.className(), snippet);
            }
        }
        this.classes = classes;
        try {
            this.loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, DocSnippets.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads the {@code ```java} blocks of {@code page}, checks that each is a program or a fragment with a reason, and
     * compiles the programs.
     *
     * @param page the Markdown page
     * @param replacements text of the page's code (such as {@code http://127.0.0.1:5080}) to replace, in every
     *     program, by what the test started (such as the test server's origin)
     * @return the compiled programs, which {@link #run} runs
     * @throws AssertionError naming the page and line of a block that is neither, or that does not compile
     */
    public static DocSnippets compile(Path page, Map<String, String> replacements) {
        return compile(page, snippet -> replacements);
    }

    /**
     * As {@link #compile(Path, Map)}, with replacements that depend on the program, for a page whose programs are
     * written for one address but some run against another server (one with access control, say).
     *
     * @param page the Markdown page
     * @param replacements the replacements for each program
     * @return the compiled programs, which {@link #run} runs
     * @throws AssertionError naming the page and line of a block that is neither, or that does not compile
     */
    public static DocSnippets compile(Path page, Function<Snippet, Map<String, String>> replacements) {
        List<Snippet> snippets = read(page);
        Set<String> names = new LinkedHashSet<>();
        for (Snippet snippet : snippets) {
            if (snippet.fragmentReason() != null) {
                check(!snippet.fragmentReason().isBlank(), snippet, "a fragment must say why it is one");
                continue;
            }
            check(snippet.className() != null && MAIN.matcher(snippet.code()).find(), snippet,
                    "not a program: give it its imports and a public class with a main(String[]), or mark it"
                            + " <!-- fragment: why --> on the line before");
            check(names.add(snippet.className()), snippet, "a second program named " + snippet.className());
        }
        try {
            Path classes = Files.createTempDirectory("doc-snippets");
            javac(snippets, replacements, classes);
            return new DocSnippets(snippets, classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return every block of the page, in order} */
    public List<Snippet> snippets() {
        return snippets;
    }

    /** {@return the programs of the page, by class name} */
    public Map<String, Snippet> programs() {
        return Map.copyOf(programs);
    }

    /**
     * Runs the program {@code className} with {@code args}, waits up to {@link #TIMEOUT} for its {@code main} to
     * return, and returns what it printed.
     *
     * @param className the program's public class
     * @param args the arguments of its {@code main}
     * @return the lines it printed on {@code System.out}, from any thread, while it ran
     * @throws AssertionError when the program throws or does not finish in time
     */
    public List<String> run(String className, String... args) {
        return start(className, args).join(TIMEOUT);
    }

    /**
     * Starts the program {@code className} on a thread of its own, for a test that has something to do while it
     * runs (publish the event it waits for, say); {@link SnippetRun#join} waits for it.
     *
     * @param className the program's public class
     * @param args the arguments of its {@code main}
     * @return the running program
     */
    public SnippetRun start(String className, String... args) {
        Snippet snippet = programs.get(className);
        if (snippet == null) {
            throw new AssertionError("no program " + className + " in " + programs.keySet());
        }
        ran.add(className);
        try {
            Method main = loader.loadClass(className).getMethod("main", String[].class);
            return SnippetRun.start(snippet, main, args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(snippet.where() + ": cannot load " + className, e);
        }
    }

    /**
     * Deletes the compiled classes.
     *
     * @throws AssertionError when a program of the page was never run
     */
    @Override
    public void close() {
        try {
            loader.close();
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> notRun = new ArrayList<>();
        programs.forEach((name, snippet) -> {
            if (!ran.contains(name)) {
                notRun.add(name + " (" + snippet.where() + ")");
            }
        });
        if (!notRun.isEmpty()) {
            throw new AssertionError("programs of the page that no test ran: " + notRun);
        }
    }

    static List<Snippet> read(Path page) {
        String text;
        try {
            text = Files.readString(page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Snippet> snippets = new ArrayList<>();
        Matcher block = FENCE.matcher(text);
        while (block.find()) {
            String before = text.substring(0, block.start());
            int fenceLine = (int) before.chars().filter(c -> c == '\n').count() + 1;
            String[] previousLines = before.split("\n");
            Matcher fragment = FRAGMENT.matcher(previousLines.length == 0 ? "" : previousLines[previousLines.length - 1]);
            snippets.add(new Snippet(page.getFileName().toString(), fenceLine + 1, block.group(1),
                    fragment.find() ? fragment.group(1) : null));
        }
        return snippets;
    }

    private static void javac(List<Snippet> snippets, Function<Snippet, Map<String, String>> replacements,
            Path classes)
            throws IOException {
        List<JavaFileObject> sources = new ArrayList<>();
        Map<URI, Snippet> bySource = new LinkedHashMap<>();
        for (Snippet snippet : snippets) {
            if (snippet.className() == null) {
                continue;
            }
            String code = snippet.code();
            for (Map.Entry<String, String> replacement : replacements.apply(snippet).entrySet()) {
                code = code.replace(replacement.getKey(), replacement.getValue());
            }
            JavaFileObject source = new Source(snippet.className(), code);
            sources.add(source);
            bySource.put(source.toUri(), snippet);
        }
        if (sources.isEmpty()) {
            return;
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("-classpath", testClassPath(), "-d", classes.toString(), "--release", "17",
                    "-proc:none", "-implicit:none", "-Xlint:all,-path", "-Werror", "-encoding", "UTF-8");
            boolean compiled = javac.getTask(null, files, diagnostics, options, null, sources).call();
            List<String> problems = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                Snippet snippet = d.getSource() == null ? null : bySource.get(d.getSource().toUri());
                String where = snippet == null ? "" : snippet.page() + ":" + (snippet.line() + d.getLineNumber() - 1)
                        + " (" + snippet.className() + "): ";
                problems.add(where + d.getKind().toString().toLowerCase(Locale.ROOT) + ": "
                        + d.getMessage(Locale.ROOT));
            }
            if (!compiled || !problems.isEmpty()) {
                throw new AssertionError("the Java of the page does not compile cleanly:\n"
                        + String.join("\n", problems));
            }
        }
    }

    /** The test's class path, the modules of a test run on the module path included. */
    private static String testClassPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String property : List.of("surefire.test.class.path", "jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                entries.addAll(List.of(value.split(File.pathSeparator)));
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void check(boolean condition, Snippet snippet, String problem) {
        if (!condition) {
            throw new AssertionError(snippet.where() + ": " + problem + "\n" + snippet.code());
        }
    }

    /** A program's code, as javac reads it. */
    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String className, String code) {
            super(URI.create("string:///" + className + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
