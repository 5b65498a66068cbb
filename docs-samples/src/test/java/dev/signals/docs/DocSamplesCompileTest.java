package dev.signals.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every ```java block in README.md and docs/*.md compiles against the modules as built. */
class DocSamplesCompileTest {

    @TempDir
    Path classes;

    static Path root() {
        String configured = System.getProperty("signals.repository.root");
        Path start = Path.of(configured != null ? configured : "").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("README.md")) && Files.isDirectory(p.resolve("docs"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root from " + start);
    }

    static List<Path> markdownFiles() throws IOException {
        Path root = root();
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    /** The samples of one page compile together, so a page may declare a class in one block and use it in the next. */
    @TestFactory
    Stream<DynamicTest> everyJavaSampleCompiles() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path md : markdownFiles()) {
            List<MarkdownSamples.Sample> samples = MarkdownSamples.in(md);
            if (!samples.isEmpty()) {
                tests.add(DynamicTest.dynamicTest(md.getFileName().toString(), () -> compile(md, samples)));
            }
        }
        assertFalse(tests.isEmpty(), "the docs hold Java samples");
        return tests.stream();
    }

    @org.junit.jupiter.api.Test
    void theReadmeQuickStartIsASample() throws IOException {
        assertTrue(MarkdownSamples.in(root().resolve("README.md")).size() >= 1);
    }

    private void compile(Path page, List<MarkdownSamples.Sample> samples) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertNotNull(compiler, "a JDK is needed to compile the docs samples");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter out = new StringWriter();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
            List<JavaFileObject> sources = new ArrayList<>();
            for (MarkdownSamples.Sample sample : samples) {
                sources.add(new SimpleJavaFileObject(
                        URI.create("string:///" + sample.className() + ".java"), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return sample.source();
                    }

                    @Override
                    public String toString() {
                        return sample.toString();
                    }
                });
            }
            List<String> options = List.of("--release", "17", "-Xlint:none", "-proc:none",
                    "-classpath", System.getProperty("java.class.path"), "-d", classes.toString());
            boolean ok = compiler.getTask(out, files, diagnostics, options, null, sources).call();
            StringBuilder report = new StringBuilder();
            diagnostics.getDiagnostics().forEach(d -> report.append("\n  the sample at ").append(d.getSource())
                    .append(", line ").append(d.getLineNumber()).append(" as compiled: ").append(d.getMessage(null)));
            assertTrue(ok, "a sample of " + page + " does not compile:" + report);
        }
    }
}
