package dev.signals.kafka;

import dev.signals.Severity;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The thread that takes records from the spool and hands them to the Kafka producer: the only
 * place the producer is made or called, so that nothing Kafka does (making the producer, waiting
 * for metadata while the broker is away, a full producer buffer) ever holds an application
 * thread or the router. Acknowledged records are marked in the spool; a record the producer
 * reports failed is read again from the spool, and so are those after it (at-least-once). A
 * record Kafka refuses for good (too large) is counted {@code REFUSED} and let go.
 */
final class KafkaSender implements Runnable {

    /** The header names every record carries. */
    static final String SIGNAL = "signal";
    static final String SEVERITY = "severity";
    static final String EVENT_ID = "event_id";

    private static final long READ_WAIT_MILLIS = 100;
    private static final long READ_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(READ_WAIT_MILLIS);
    private static final long RETRY_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final byte[][] SEVERITY_NAMES = severityNames();

    private final Spool spool;
    private final String topic;
    private final Map<String, Object> producerConfig;
    private final Figures figures;
    private final byte[] idPrefix;
    private final Thread thread;
    private volatile boolean stopping;
    // Another sink on the same spool sends (see OpenSpools): this one sends nothing meanwhile.
    private volatile boolean paused;
    private volatile Producer<byte[], byte[]> producer;

    KafkaSender(Spool spool, String topic, Map<String, Object> producerConfig, Figures figures, String threadName) {
        this.spool = spool;
        this.topic = topic;
        this.producerConfig = new HashMap<>(producerConfig);
        this.producerConfig.put("key.serializer", ByteArraySerializer.class.getName());
        this.producerConfig.put("value.serializer", ByteArraySerializer.class.getName());
        this.figures = figures;
        this.idPrefix = SpoolRecord.utf8(spool.id() + "-");
        this.thread = new Thread(this, threadName);
        this.thread.setDaemon(true);
        KafkaThreads.registerProducer(producerConfig.get("client.id"));
    }

    void start() {
        thread.start();
    }

    @Override
    public void run() {
        try (Spool.Cursor cursor = new Spool.Cursor()) {
            while (!stopping) {
                if (paused) {
                    LockSupport.parkNanos(this, READ_WAIT_NANOS);
                    continue;
                }
                if (producer == null && !makeProducer()) {
                    pause();
                    continue;
                }
                try {
                    long rewind = spool.takeResend();
                    if (rewind < cursor.next()) {
                        spool.rewind(cursor, rewind);
                        pause(); // the broker just failed a record: give it a moment
                    }
                    send(spool.read(cursor, READ_WAIT_MILLIS));
                } catch (IOException e) {
                    // the spool could not be read or written (a full disk): keep going once it can
                    Trouble.report("reading the spool for topic " + topic + " failed (retrying): " + e);
                    pause();
                }
            }
        } catch (Throwable t) {
            Trouble.report("the sender to topic " + topic + " stopped: " + t);
        } finally {
            Producer<byte[], byte[]> p = producer;
            if (p != null) {
                closeQuietly(p, Duration.ZERO);
            }
        }
    }

    private boolean makeProducer() {
        try {
            producer = new KafkaProducer<>(producerConfig);
            if (stopping) {
                closeQuietly(producer, Duration.ZERO);
            }
            return true;
        } catch (RuntimeException e) {
            Trouble.report("cannot make the Kafka producer for topic " + topic + " (retrying): " + e);
            return false;
        }
    }

    private void send(List<SpoolRecord> records) {
        for (SpoolRecord r : records) {
            if (stopping || paused || spool.resendPending()) {
                // A record failed (or sending stops): this one and the rest are read again from
                // the spool, with the failed one if it comes first. Without this, a rewind to a
                // later record that failed would skip them for good.
                spool.resendFrom(r.offset());
                return;
            }
            long offset = r.offset();
            try {
                producer.send(record(r), (metadata, error) -> completed(offset, error));
                figures.sent.incrementAndGet();
            } catch (RecordTooLargeException e) {
                refused(offset);
            } catch (RuntimeException e) {
                // waiting for metadata timed out (broker away), the buffer stayed full, or a stop
                figures.sendFailures.incrementAndGet();
                spool.resendFrom(offset);
                if (!stopping) {
                    Trouble.report("sending to topic " + topic + " failed, will retry from the spool: " + e);
                }
                return;
            }
        }
    }

    private ProducerRecord<byte[], byte[]> record(SpoolRecord r) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(SIGNAL, r.signal());
        headers.add(SEVERITY, SEVERITY_NAMES[r.severity()]);
        headers.add(EVENT_ID, eventId(r.offset()));
        return new ProducerRecord<>(topic, null, r.key(), r.value(), headers);
    }

    /** The spool's id, {@code -} and the record's offset in decimal, written straight as bytes (one per record sent). */
    private byte[] eventId(long offset) {
        int digits = 1;
        for (long rest = offset / 10; rest > 0; rest /= 10) {
            digits++;
        }
        byte[] out = java.util.Arrays.copyOf(idPrefix, idPrefix.length + digits);
        long rest = offset;
        for (int i = out.length - 1; i >= idPrefix.length; i--) {
            out[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        return out;
    }

    /**
     * Runs on the producer's network thread, or on this sender's within {@code send} (the
     * producer reports a metadata timeout that way).
     */
    private void completed(long offset, Exception error) {
        if (error == null) {
            spool.acknowledge(offset);
        } else if (error instanceof RecordTooLargeException) {
            refused(offset);
        } else {
            figures.sendFailures.incrementAndGet();
            spool.resendFrom(offset);
        }
    }

    private void refused(long offset) {
        figures.drop(KafkaDropReason.REFUSED, 1);
        spool.release(offset);
        Trouble.report("Kafka refused a record for good (too large for the broker or topic); it was dropped");
    }

    /** Pauses sending (another sink on the spool took over) or resumes it. */
    void pause(boolean pause) {
        paused = pause;
        LockSupport.unpark(thread);
    }

    private void pause() {
        if (!stopping) {
            LockSupport.parkNanos(this, RETRY_PAUSE_NANOS);
        }
    }

    /**
     * Stops: waits up to {@code drain} for the spool to empty while Kafka keeps acknowledging,
     * then closes the producer (waiting up to {@code closeWait} for records in flight) and ends
     * the thread. What is not acknowledged stays in the spool for the next run.
     */
    void stop(Duration drain, Duration closeWait) throws InterruptedException {
        spool.awaitDrained(drain);
        stopping = true;
        LockSupport.unpark(thread);
        Producer<byte[], byte[]> p = producer;
        if (p != null) {
            closeQuietly(p, closeWait); // also ends a send waiting for metadata
        }
        thread.join(closeWait.toMillis() + 2 * READ_WAIT_MILLIS);
    }

    private static void closeQuietly(Producer<byte[], byte[]> p, Duration wait) {
        try {
            p.close(wait);
        } catch (RuntimeException e) {
            Trouble.report("closing the Kafka producer failed: " + e);
        }
    }

    private static byte[][] severityNames() {
        Severity[] all = Severity.values();
        byte[][] out = new byte[all.length][];
        for (Severity s : all) {
            out[s.ordinal()] = SpoolRecord.utf8(s.name());
        }
        return out;
    }
}
