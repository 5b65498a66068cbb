package dev.signals.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.signals.router.Router;
import dev.signals.router.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every whole config file shown in README.md and docs/*.md (a ```json block whose top level
 * has "sinks" or "routes") is accepted by the router as it is written.
 */
class ConfigSamplesTest {

    private static final Pattern BLOCK = Pattern.compile("(?m)^```json[ \\t]*\\n(.*?)^```[ \\t]*$", Pattern.DOTALL);
    private static final Pattern WHOLE_CONFIG = Pattern.compile("^\\s*(//[^\\n]*\\n\\s*)*\\{\\s*\"(sinks|routes|redact|reloadIntervalMs)\"");

    @TestFactory
    Stream<DynamicTest> everyConfigSampleIsAccepted() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path md : DocSamplesCompileTest.markdownFiles()) {
            String text = Files.readString(md);
            Matcher m = BLOCK.matcher(text);
            while (m.find()) {
                String json = m.group(1);
                if (!WHOLE_CONFIG.matcher(json).find()) {
                    continue;
                }
                int line = 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
                String source = md.getFileName() + ":" + line;
                tests.add(DynamicTest.dynamicTest(source, () -> apply(json, source)));
            }
        }
        assertFalse(tests.isEmpty(), "the docs show config files");
        return tests.stream();
    }

    private static void apply(String json, String source) {
        Router router = new Router();
        try {
            router.configure(json, source);
        } catch (ConfigException e) {
            throw new AssertionError("the config at " + source + " is refused: " + e.getMessage(), e);
        } finally {
            router.close(Duration.ofSeconds(5));
        }
    }
}
