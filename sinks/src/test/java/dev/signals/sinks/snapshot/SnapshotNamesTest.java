package dev.signals.sinks.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotNamesTest {

    @Test
    void reasonsAreSanitisedToASafeCharsetAndLength() {
        assertEquals("payment_failed", SnapshotNames.sanitise("PAYMENT_FAILED"));
        assertEquals("payment_failed", SnapshotNames.sanitise("Payment failed!"));
        assertEquals("etc_passwd", SnapshotNames.sanitise("../../etc/passwd"));
        assertEquals("a_b", SnapshotNames.sanitise("a\nb"));
        assertEquals("a_31m_b", SnapshotNames.sanitise("a\u0000\u001b[31m b"), "control characters become _");
        assertEquals("caf", SnapshotNames.sanitise("café"));
        assertEquals("v1.2-rc", SnapshotNames.sanitise("v1.2-rc"));
        assertEquals("x", SnapshotNames.sanitise("...x---"));
        assertEquals("snapshot", SnapshotNames.sanitise(""));
        assertEquals("snapshot", SnapshotNames.sanitise(null));
        assertEquals("snapshot", SnapshotNames.sanitise("日本語 / \\ : *"));
        assertEquals("snapshot", SnapshotNames.sanitise(".."));
        String longReason = "x".repeat(500);
        assertEquals(SnapshotNames.MAX_REASON_LENGTH, SnapshotNames.sanitise(longReason).length());
        for (String reason : new String[] {"a b", "A/B", "C:\\x", "<script>", "%00", "a\u2028b", "\uD800"}) {
            String s = SnapshotNames.sanitise(reason);
            assertTrue(s.matches("[a-z0-9][a-z0-9._-]*"), reason + " -> " + s);
        }
    }

    @Test
    void namesFollowTheContractAndTheirTimestampIsUtcToTheMillisecond() {
        Instant t = Instant.parse("2026-11-23T03:21:41.123987Z");
        assertEquals("signals-4242-20261123T032141.123Z-payment_failed", SnapshotNames.baseName(4242, t, "payment_failed"));
        assertTrue(SnapshotNames.isSnapshotName("signals-4242-20261123T032141.123Z-payment_failed.jsonl.lz4"));
        assertTrue(SnapshotNames.isSnapshotName("signals-4242-20261123T032141.123Z-payment_failed-3.jsonl.lz4"));
        assertFalse(SnapshotNames.isSnapshotName("signals.jsonl.lz4"));
        assertFalse(SnapshotNames.isSnapshotName(".signals-4242-20261123T032141.123Z-x.jsonl.lz4.tmp"));
    }

    @Test
    void reservedNamesAreUniqueWithinOneMillisecondAndAgainstFilesOnDisk(@TempDir Path dir) throws Exception {
        Instant t = Instant.parse("2026-11-23T03:21:41.123Z");
        Files.writeString(dir.resolve("signals-7-20261123T032141.123Z-boom.jsonl.lz4"), "earlier");
        Set<Path> names = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            names.add(SnapshotNames.reserve(dir, 7, t, "boom"));
        }
        assertEquals(5, names.size());
        assertTrue(names.contains(dir.resolve("signals-7-20261123T032141.123Z-boom-2.jsonl.lz4")));
        assertTrue(names.contains(dir.resolve("signals-7-20261123T032141.123Z-boom-6.jsonl.lz4")));
        for (Path p : names) {
            SnapshotNames.release(p);
        }
        assertEquals(dir.resolve("signals-7-20261123T032141.123Z-boom-2.jsonl.lz4"), SnapshotNames.reserve(dir, 7, t, "boom"));
    }
}
