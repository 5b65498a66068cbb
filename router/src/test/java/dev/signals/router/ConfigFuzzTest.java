package dev.signals.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.signals.router.config.ConfigException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Randomly broken config files are applied whole or refused whole, always with a located message. */
class ConfigFuzzTest {

    private static final String BASE = String.join("\n",
            "// every feature of the config, for mutation",
            "{",
            "  \"redact\": [\"password\"],",
            "  \"reloadIntervalMs\": 0,",
            "  \"statsIntervalMs\": 0,",
            "  \"shutdownTimeoutMs\": 2000,",
            "  \"sinks\": {",
            "    \"main\": { \"type\": \"test-recording\", \"minSeverity\": \"INFO\", \"size\": 5,",
            "              \"async\": { \"queue\": 64, \"overflow\": \"drop-oldest\", \"batch\": 16 },",
            "              \"retry\": { \"attempts\": 3, \"backoffMs\": 1, \"maxBackoffMs\": 4 },",
            "              \"circuitBreaker\": { \"failures\": 5, \"openMs\": 1000 },",
            "              \"fallback\": \"backup\" },",
            "    \"backup\": { \"type\": \"test-recording\" },",
            "    \"other\": { \"type\": \"test-recording\", \"ref\": \"backup\" }",
            "  },",
            "  \"routes\": [",
            "    { \"signals\": [\"ORDER_*\", \"PAYMENT_FAILED\"], \"minSeverity\": \"DEBUG\", \"sinks\": [\"main\"] },",
            "    { \"signals\": [\"*\"], \"where\": { \"service\": \"pay\", \"n\": 2 },",
            "      \"sample\": { \"first\": 10, \"thereafter\": 5, \"intervalMs\": 1000 }, \"sinks\": [\"other\", \"main\"] }",
            "  ]",
            "}");

    private static final String[] STRINGS = {"", "x", "*", "ORDER *", "LOUD", "block", "drop-newest", "main", "nope", "INFO"};
    private static final String[] VALUES = {"-1", "0", "1e99", "3.5", "99999999999999999999", "\"5\"", "true", "null", "[]", "{}"};
    private static final String CHARS = "{}[],:\"0123456789abcXYZ*_ \n/";
    private static final Pattern LOCATED = Pattern.compile("^fuzz-\\d+\\.json(:\\d+:\\d+)?: .+", Pattern.DOTALL);

    @Test
    void aThousandMutatedConfigsAreAppliedOrRefusedWhole() {
        Router router = new Router(new PrintStream(OutputStream.nullOutputStream()), System::nanoTime);
        router.configure(BASE, "base.json");
        Random random = new Random(20261123);
        int refused = 0;
        for (int i = 0; i < 1000; i++) {
            String mutated = mutate(BASE, random);
            List<Route> before = router.routes();
            try {
                router.configure(mutated, "fuzz-" + i + ".json");
            } catch (ConfigException e) {
                refused++;
                assertTrue(LOCATED.matcher(e.getMessage()).matches(), "not located: " + e.getMessage());
                assertTrue(before == router.routes() || before.equals(router.routes()), "routes changed by a refused config");
                continue;
            } catch (RuntimeException e) {
                fail("mutation " + i + " escaped as " + e + "\n" + mutated, e);
            }
            router.configure(BASE, "base.json");
        }
        assertTrue(refused > 500, "most mutations break the file: " + refused);
        assertEquals(2, router.routes().size());
        router.close();
    }

    private static String mutate(String text, Random r) {
        switch (r.nextInt(6)) {
            case 0: {
                int at = r.nextInt(text.length());
                return text.substring(0, at) + text.substring(at + 1);
            }
            case 1: {
                int at = r.nextInt(text.length());
                return text.substring(0, at) + CHARS.charAt(r.nextInt(CHARS.length())) + text.substring(at);
            }
            case 2:
                return replaceNth(text, "\"[^\"\\n]*\"", "\"" + STRINGS[r.nextInt(STRINGS.length)] + "\"", r);
            case 3:
                return replaceNth(text, "(?<=: )[0-9]+", VALUES[r.nextInt(VALUES.length)], r);
            case 4: {
                List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n")));
                int at = r.nextInt(lines.size());
                lines.add(at, lines.get(at));
                return String.join("\n", lines);
            }
            default: {
                List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n")));
                lines.remove(r.nextInt(lines.size()));
                return String.join("\n", lines);
            }
        }
    }

    private static String replaceNth(String text, String regex, String replacement, Random r) {
        var m = Pattern.compile(regex).matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        int[] s = spans.get(r.nextInt(spans.size()));
        return text.substring(0, s[0]) + replacement + text.substring(s[1]);
    }
}
