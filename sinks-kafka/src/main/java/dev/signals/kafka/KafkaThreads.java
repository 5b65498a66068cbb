package dev.signals.kafka;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Knows the threads that run Kafka code for any kafka sink in this JVM: their own threads
 * (named {@code signals-kafka-…}) and their producers' network threads. An event emitted on one
 * of them is the Kafka client's own logging (or the JDK's, beneath it): spooled by any kafka
 * sink it would be sent through a Kafka client, which would log again — and with two kafka
 * sinks each would feed the other.
 */
final class KafkaThreads {

    /** The start of the name of every thread a kafka sink starts. */
    static final String PREFIX = "signals-kafka-";
    private static final String NETWORK_PREFIX = "kafka-producer-network-thread | ";
    // One name per producer ever made with a client.id of the user's: a few strings at most.
    private static final Set<String> NETWORK = ConcurrentHashMap.newKeySet();

    private KafkaThreads() {
    }

    /** Records the network thread of a producer with this {@code client.id}. */
    static void registerProducer(Object clientId) {
        NETWORK.add(NETWORK_PREFIX + clientId);
    }

    /** Whether {@code threadName} runs Kafka code for a kafka sink. */
    static boolean isKafkaSinkThread(String threadName) {
        return threadName.startsWith(PREFIX) || threadName.startsWith(NETWORK_PREFIX) && NETWORK.contains(threadName);
    }
}
