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

    @TestFactory
    Stream<DynamicTest> everyJavaSampleCompiles() throws IOException {
        List<MarkdownSamples.Sample> samples = new ArrayList<>();
        for (Path md : markdownFiles()) {
            samples.addAll(MarkdownSamples.in(md));
        }
        assertFalse(samples.isEmpty(), "the docs hold Java samples");
        return samples.stream().map(s -> DynamicTest.dynamicTest(s.toString(), () -> compile(s)));
    }

    @org.junit.jupiter.api.Test
    void theReadmeQuickStartIsASample() throws IOException {
        assertTrue(MarkdownSamples.in(root().resolve("README.md")).size() >= 1);
    }

    private void compile(MarkdownSamples.Sample sample) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertNotNull(compiler, "a JDK is needed to compile the docs samples");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter out = new StringWriter();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
            JavaFileObject source = new SimpleJavaFileObject(
                    URI.create("string:///" + sample.className() + ".java"), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return sample.source();
                }
            };
            List<String> options = List.of("--release", "17", "-Xlint:none", "-proc:none",
                    "-classpath", System.getProperty("java.class.path"), "-d", classes.toString());
            boolean ok = compiler.getTask(out, files, diagnostics, options, null, List.of(source)).call();
            StringBuilder report = new StringBuilder();
            diagnostics.getDiagnostics().forEach(d -> report.append("\n  sample line ").append(d.getLineNumber())
                    .append(": ").append(d.getMessage(null)));
            assertTrue(ok, "the sample at " + sample.file() + ":" + sample.line() + " does not compile:" + report
                    + "\n--- as compiled ---\n" + sample.source());
        }
    }
}
