package dev.signals.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ```java blocks of a Markdown file, each turned into a compilation unit: a block that
 * declares a type is compiled as it stands; any other block is a fragment and is compiled as
 * the body of a method, after the block's own import lines and a set of common imports.
 */
final class MarkdownSamples {

    private static final Pattern BLOCK = Pattern.compile("(?m)^```java[ \\t]*\\n(.*?)^```[ \\t]*$", Pattern.DOTALL);
    private static final Pattern TYPE = Pattern.compile("(?m)^\\s*(public\\s+)?(final\\s+|abstract\\s+)*(class|record|interface|enum)\\s+(\\w+)");
    private static final String COMMON_IMPORTS = String.join("\n",
            "import dev.signals.*;",
            "import dev.signals.router.*;",
            "import dev.signals.router.delivery.*;",
            "import java.nio.file.*;",
            "import java.time.*;",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "");

    /** One sample: where it stands, and the source to compile. */
    record Sample(Path file, int line, String className, String source) {
        @Override
        public String toString() {
            return file.getFileName() + ":" + line;
        }
    }

    private MarkdownSamples() {
    }

    static List<Sample> in(Path markdown) throws IOException {
        String text = Files.readString(markdown);
        List<Sample> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            int line = 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            out.add(toSample(markdown, line, m.group(1)));
        }
        return out;
    }

    private static Sample toSample(Path file, int line, String code) {
        Matcher type = TYPE.matcher(code);
        if (type.find()) {
            return new Sample(file, line, type.group(4), code);
        }
        StringBuilder imports = new StringBuilder(COMMON_IMPORTS);
        StringBuilder body = new StringBuilder();
        for (String l : code.split("\n", -1)) {
            if (l.startsWith("import ")) {
                imports.append(l).append('\n');
            } else {
                body.append("        ").append(l).append('\n');
            }
        }
        String name = "Fragment_" + file.getFileName().toString().replaceAll("\\W", "_") + "_" + line;
        String source = imports + "\nclass " + name + " {\n    @SuppressWarnings(\"unused\")\n    void sample() throws Exception {\n"
                + body + "    }\n}\n";
        return new Sample(file, line, name, source);
    }
}
