package dev.signals.slf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.test.CaptureSignals;
import dev.signals.test.CapturedSignals;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A logger kept in a serialized object (a session, a cached value, a message) logs after it is
 * read back as the logger of its name does: serializing it carries the name only.
 */
@CaptureSignals
class SerializedLoggerTest {

    @Test
    void aLoggerReadBackLogsLikeTheLoggerOfItsName(CapturedSignals captured) throws Exception {
        Logger original = LoggerFactory.getLogger("com.example.session.Cart");
        Logger back = (Logger) readBack(original);
        assertEquals(original.getName(), back.getName());
        assertTrue(back.isInfoEnabled());
        back.info("after {}", "restore");
        back.atWarn().addKeyValue("items", 3).log("fluent");
        // The JDK logs its own serialization (at TRACE): only the restored logger's lines count here.
        var ours = captured.events().stream().filter(e -> e.field("logger") != null && "com.example.session.Cart".equals(e.field("logger").stringValue())).toList();
        assertEquals(2, ours.size(), captured.events().toString());
        assertEquals("after restore", ours.get(0).message());
    }

    static Object readBack(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
