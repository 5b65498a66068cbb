package dev.signals.cli.snapshot;

import static dev.signals.cli.snapshot.CorruptionTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Signal;
import dev.signals.cli.snapshot.CorruptionTest.Run;
import dev.signals.sinks.reader.SnapshotFixtures;
import dev.signals.sinks.snapshot.SnapshotOptions;
import dev.signals.sinks.snapshot.SnapshotSink;
import dev.signals.sinks.testing.JsonLines;
import dev.signals.sinks.timetravel.TimeTravelSink;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
/** {@code signals snapshot list|cat|stats} on real snapshot files: what each prints, and every wrong command line. */
class SnapshotCommandTest {

    private static final Instant START = Instant.parse("2026-11-23T03:00:00Z");

    @TempDir
    Path dir;

    private Path file;
    private List<String> events;

    @BeforeEach
    void write() {
        file = SnapshotFixtures.write(dir, "PAYMENT_FAILED", 200, START, 1);
        List<String> raw = SnapshotFixtures.rawLines(file);
        events = raw.subList(1, raw.size());
    }

    private static List<Map<String, Object>> parsed(Run run) {
        return run.lines().stream().map(l -> JsonLines.parseLine(l + "\n")).collect(Collectors.toList());
    }

    private static List<Long> seqs(Run run) {
        return parsed(run).stream().map(m -> ((BigDecimal) m.get("seq")).longValueExact()).collect(Collectors.toList());
    }

    @Test
    void catPrintsEveryEventLineExactlyAsStored() {
        Run run = cli("cat", file.toString());
        assertEquals(SnapshotCommand.OK, run.status(), run.err());
        assertEquals(events, run.lines());
        assertEquals("", run.err());
    }

    @Test
    void filtersCombine() {
        assertEquals(4, parsed(cli("cat", file.toString(), "--signal", "PAYMENT_FAILED")).size());
        assertEquals(4, parsed(cli("cat", file.toString(), "--signal=PAYMENT_*")).size());
        Run orders = cli("cat", file.toString(), "--signal", "ORDER_*", "--signal", "PAYMENT_FAILED");
        assertEquals(200 - 66, parsed(orders).size(), "any of several patterns: all but the 66 cache misses");

        Run infoUp = cli("cat", file.toString(), "--min-severity", "info");
        assertTrue(parsed(infoUp).stream().noneMatch(m -> "DEBUG".equals(m.get("severity"))));
        assertEquals(events.size() - 66, parsed(infoUp).size(), "the 66 DEBUG cache misses are left out");

        Run traced = cli("cat", file.toString(), "--trace", SnapshotFixtures.TRACE_A);
        assertEquals(50, parsed(traced).size());
        assertTrue(parsed(traced).stream().allMatch(m -> SnapshotFixtures.TRACE_A.equals(m.get("trace_id"))));

        assertEquals(List.of(8L), seqs(cli("cat", file.toString(), "--field", "order_id=o-7")));
        assertEquals(List.of(50L, 100L, 150L, 200L), seqs(cli("cat", file.toString(), "--field", "amount=12.50")),
                "numbers compare by value");
        assertEquals(4, seqs(cli("cat", file.toString(), "--field", "error.type=java.lang.IllegalStateException")).size(),
                "a dotted path reaches into objects");
        assertEquals(List.of(), seqs(cli("cat", file.toString(), "--field", "nope=1")));
        Run rushOrders = cli("cat", file.toString(), "--field", "rush=true", "--signal", "ORDER_CREATED", "--field", "items=3");
        assertTrue(parsed(rushOrders).stream().allMatch(m -> Boolean.TRUE.equals(m.get("rush"))
                && new BigDecimal(3).equals(m.get("items"))));
        assertFalse(parsed(rushOrders).isEmpty());

        // Event i is at START + i ms and has seq i + 1.
        assertEquals(List.of(11L, 12L, 13L), seqs(cli("cat", file.toString(),
                "--since", "2026-11-23T03:00:00.010Z", "--until", "2026-11-23T04:00:00.012+01:00")));
        assertEquals(List.of(199L, 200L), seqs(cli("cat", file.toString(), "--last", "2")));
        assertEquals(List.of(150L, 200L), seqs(cli("cat", file.toString(), "--signal", "PAYMENT_FAILED", "--last", "2")));
        assertEquals(List.of(), seqs(cli("cat", file.toString(), "--last", "0")));
    }

    @Test
    void prettyLinesAreReadableAndNeverCarryRawControlCharacters() throws Exception {
        Path out = dir.resolve("evil");
        TimeTravelSink buffer = new TimeTravelSink(10);
        buffer.accept(Event.builder(Signal.WARN).message("ring\u0007 \u001b[31mred\u001b[0m\nnext line")
                .fields(Field.of("path", "a b"), Field.of("n", 3)).thread("main").timestamp(START).build());
        SnapshotSink sink = new SnapshotSink(buffer, SnapshotOptions.builder(out).build());
        sink.snapshot("evil");
        sink.close();
        Run run = cli("cat", "--pretty", sink.stats().lastFile().toString());
        assertEquals(SnapshotCommand.OK, run.status());
        assertEquals(1, run.lines().size());
        String line = run.lines().get(0);
        assertTrue(line.startsWith("2026-11-23T03:00:00.000000Z WARN  WARN #"), line);
        assertTrue(line.contains("ring\\u0007 \\u001b[31mred\\u001b[0m\\nnext line"), line);
        assertTrue(line.contains("thread=main") && line.contains("path=\"a b\"") && line.contains(" n=3"), line);
        for (char c : line.toCharArray()) {
            assertTrue(c >= 0x20 && c != 0x7f, "no raw control character in " + line);
        }
        Run pretty = cli("cat", file.toString(), "--pretty", "--signal", "PAYMENT_FAILED", "--last", "1");
        assertTrue(pretty.lines().get(0).contains("ERROR PAYMENT_FAILED #200 Payment declined"), pretty.out());
        assertTrue(pretty.lines().get(0).contains("error={\"type\":\"java.lang.IllegalStateException\""), pretty.out());
    }

    @Test
    void severalFilesAreMergedByTimeAndAnEventInTwoSnapshotsIsShownOnce() {
        Path other = dir.resolve("other");
        // Another snapshot of the same process, overlapping the first: events 150..249, later times.
        TimeTravelSink buffer = new TimeTravelSink(100);
        for (int i = 150; i < 250; i++) {
            buffer.accept(SnapshotFixtures.event(i, START, 1 + i));
        }
        SnapshotSink sink = new SnapshotSink(buffer, SnapshotOptions.builder(other).build());
        sink.snapshot("later");
        sink.close();
        Run run = cli("cat", sink.stats().lastFile().toString(), file.toString());
        assertEquals(SnapshotCommand.OK, run.status(), run.err());
        List<Long> seqs = seqs(run);
        List<Long> expected = new ArrayList<>();
        for (long s = 1; s <= 250; s++) {
            expected.add(s);
        }
        assertEquals(expected, seqs);
        assertEquals(List.of(249L, 250L), seqs(cli("cat", file.toString(), sink.stats().lastFile().toString(), "--last", "2")));
    }

    @Test
    void listShowsEachSnapshotWithReasonTimeCountAndSize() throws Exception {
        SnapshotFixtures.write(dir, "deploy", 10, START, 1_000);
        Files.writeString(dir.resolve("notes.txt"), "not a snapshot");
        Run run = cli("list", dir.toString());
        assertEquals(SnapshotCommand.OK, run.status(), run.err());
        List<String> lines = run.lines();
        assertEquals(3, lines.size(), run.out());
        assertTrue(lines.get(0).matches("CREATED\\s+REASON\\s+EVENTS\\s+BYTES\\s+FILE"), lines.get(0));
        String first = lines.get(1);
        assertTrue(first.contains("PAYMENT_FAILED") && first.contains(" 200 ") && first.contains(" " + Files.size(file) + " ")
                && first.endsWith(file.getFileName().toString()), first);
        assertTrue(lines.get(2).contains("deploy") && lines.get(2).contains(" 10 "), lines.get(2));

        Files.write(dir.resolve("signals-1-20200101T000000.000Z-broken.jsonl.lz4"), new byte[] {1, 2, 3});
        Run damaged = cli("list", dir.toString());
        assertEquals(SnapshotCommand.DAMAGED, damaged.status());
        assertTrue(damaged.out().contains("(damaged)"), damaged.out());
        assertTrue(damaged.err().contains("broken.jsonl.lz4: damaged at byte"), damaged.err());
        Run missing = cli("list", dir.resolve("nowhere").toString());
        assertEquals(SnapshotCommand.DAMAGED, missing.status());
        assertTrue(missing.err().contains("no such directory"), missing.err());
    }

    @Test
    void statsCountsPerSignalSeverityThreadAndTrace() {
        Run run = cli("stats", file.toString());
        assertEquals(SnapshotCommand.OK, run.status(), run.err());
        String out = run.out();
        assertTrue(out.contains("reason \"PAYMENT_FAILED\", trigger request"), out);
        assertTrue(out.contains("service \"orders\""), out);
        assertTrue(out.contains("events: 200\n"), out);
        assertTrue(out.contains("time span: 2026-11-23T03:00:00.000000Z .. 2026-11-23T03:00:00.199000Z (0.199000 s)"), out);
        assertTrue(out.matches("(?s).*DEBUG\\s+66\n.*"), out);
        assertTrue(out.matches("(?s).*ERROR\\s+4\n.*"), out);
        assertTrue(out.matches("(?s).*signals: 3\n\\s+130\\s+ORDER_CREATED\n\\s+66\\s+CACHE_MISS\n\\s+4\\s+PAYMENT_FAILED\n.*"), out);
        assertTrue(out.matches("(?s).*threads: 2\n\\s+100\\s+http-1\n\\s+100\\s+http-2\n.*"), out);
        assertTrue(out.contains("traces: 2 distinct, 100 event(s) outside any trace"), out);
        Run filtered = cli("stats", file.toString(), "--min-severity", "ERROR");
        assertTrue(filtered.out().contains("events: 4\n"), filtered.out());
    }

    @Test
    void prettyCatAndStatsListTheSpansOpenWhenTheSnapshotWasTaken() throws Exception {
        List<String> raw = SnapshotFixtures.rawLines(file);
        assertTrue(raw.get(0).contains("\"open_spans\":[],\"open_spans_dropped\":0"), raw.get(0));
        String header = raw.get(0).replace("\"open_spans\":[],\"open_spans_dropped\":0", "\"open_spans\":[{\"name\":\"checkout\","
                + "\"trace_id\":\"" + SnapshotFixtures.TRACE_A + "\",\"span_id\":\"00f067aa0ba902b7\",\"parent_span_id\":null,"
                + "\"thread\":\"http-7\",\"start\":\"2026-11-23T02:59:59.800000Z\",\"elapsed_ms\":211}],"
                + "\"open_spans_dropped\":2");
        Path withSpans = Files.write(dir.resolve("spans.jsonl.lz4"),
                CorruptionTest.lz4(header + "\n" + String.join("\n", events) + "\n"));
        String span = "checkout trace=" + SnapshotFixtures.TRACE_A + " span=00f067aa0ba902b7 parent=- thread=http-7"
                + " start=2026-11-23T02:59:59.800000Z elapsed=211ms";

        Run pretty = cli("cat", "--pretty", "--last", "1", withSpans.toString());
        assertEquals(SnapshotCommand.OK, pretty.status(), pretty.err());
        assertEquals(List.of("-- spans.jsonl.lz4:", "   open spans: 1 (2 more not listed)", "     " + span),
                pretty.lines().subList(1, pretty.lines().size()), pretty.out());
        Run stats = cli("stats", withSpans.toString());
        assertTrue(stats.out().contains("\n    open spans: 1 (2 more not listed)\n      " + span + "\n"), stats.out());
        assertFalse(cli("cat", "--pretty", file.toString()).out().contains("open spans"), "none open: nothing said");
        assertFalse(cli("cat", withSpans.toString()).out().contains("open spans"), "JSON lines only without --pretty");
    }

    @Test
    void helpAndWrongCommandLines() {
        for (String[] args : new String[][] {{"--help"}, {"-h"}, {"help"}, {"help", "cat"}, {"cat", "--help"},
                {"cat", file.toString(), "-h"}, {"list", "--help"}, {"stats", "--help"}}) {
            Run help = cli(args);
            assertEquals(SnapshotCommand.OK, help.status(), String.join(" ", args));
            assertTrue(help.out().startsWith("Usage: signals snapshot"), help.out());
            assertEquals("", help.err());
        }
        assertTrue(cli("--help").out().contains("list") && cli("--help").out().contains("stats"));
        assertTrue(cli("cat", "--help").out().contains("--min-severity=SEV"), cli("cat", "--help").out());
        String[][] wrong = {
            {},
            {"show", "x"},
            {"cat"},
            {"cat", file.toString(), "--colour"},
            {"cat", file.toString(), "-x"},
            {"cat", file.toString(), "--signal"},
            {"cat", file.toString(), "--signal", "BAD PATTERN"},
            {"cat", file.toString(), "--min-severity", "LOUD"},
            {"cat", file.toString(), "--since", "yesterday"},
            {"cat", file.toString(), "--since", "2026-11-23T03:00:00"},
            {"cat", file.toString(), "--last", "-1"},
            {"cat", file.toString(), "--last", "many"},
            {"cat", file.toString(), "--field", "novalue"},
            {"cat", file.toString(), "--trace", " "},
            {"cat", file.toString(), "--pretty=yes"},
            {"list"},
            {"list", dir.toString(), "--signal", "X"},
            {"list", dir.toString(), dir.toString()},
            {"stats", file.toString(), "--pretty"},
        };
        for (String[] args : wrong) {
            Run run = cli(args);
            String what = String.join(" ", args);
            assertEquals(SnapshotCommand.USAGE, run.status(), what);
            assertTrue(run.err().startsWith("signals snapshot"), what + ": " + run.err());
            assertTrue(run.err().endsWith(" --help'.\n"), what + ": " + run.err());
            assertEquals(2, run.err().split("\n").length, what + ": one line says what is wrong: " + run.err());
            assertEquals("", run.out(), what);
        }
        // The line says what is wrong, in words a user can act on.
        assertTrue(cli().err().startsWith("signals snapshot: no command given"), cli().err());
        assertTrue(cli("show", "x").err().startsWith("signals snapshot: unknown command 'show'"), cli("show", "x").err());
        assertTrue(cli("cat", file.toString(), "--min-severity", "LOUD").err().startsWith("signals snapshot cat: --min-severity: "));
        assertTrue(cli("cat", file.toString(), "--since", "yesterday").err().contains("is not an RFC 3339 time"));
        assertTrue(cli("cat", file.toString(), "--last", "-1").err().contains("--last needs a whole number"));
        assertTrue(cli("cat", file.toString(), "--field", "novalue").err().contains("--field needs KEY=VALUE"));
        assertTrue(cli("cat").err().contains("FILE"), cli("cat").err());
        assertTrue(cli("stats", file.toString(), "--pretty").err().contains("'--pretty'"));
    }

    @Test
    void optionsComeInAnyOrderAndDoubleDashEndsThem() {
        assertEquals(List.of(150L, 200L), seqs(cli("cat", "--last=2", file.toString(), "--signal", "PAYMENT_FAILED")));
        Run afterDashes = cli("cat", "--last", "1", "--", file.toString());
        assertEquals(SnapshotCommand.OK, afterDashes.status(), afterDashes.err());
        assertEquals(List.of(200L), seqs(afterDashes));
    }

    @Test
    void statsWithLastCountsOnlyTheLastEventsThatPass() {
        Run run = cli("stats", file.toString(), "--signal", "PAYMENT_FAILED", "--last", "3");
        assertEquals(SnapshotCommand.OK, run.status(), run.err());
        assertTrue(run.out().contains("events: 3\n"), run.out());
        assertTrue(run.out().contains("time span: 2026-11-23T03:00:00.099000Z .. 2026-11-23T03:00:00.199000Z"), run.out());
    }

    @Test
    void aReaderThatGoesAwayEndsTheCommandQuietly() {
        OutputStream closedPipe = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        Run run = cli(closedPipe, "cat", file.toString());
        assertEquals(SnapshotCommand.DAMAGED, run.status());
        assertEquals("", run.err());
    }
}
