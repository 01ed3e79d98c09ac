package io.circuitbreaker.llm.cluster;

import java.util.function.Consumer;

/** Where change notices travel between instances. */
interface ChannelTransport extends AutoCloseable {

    /**
     * Hands the messages that arrived since the last call to the consumer, on the caller's thread; (re)connects
     * first when needed. Called a few times a second.
     *
     * @throws RuntimeException when the channel cannot be reached now (the caller tries again later)
     */
    void poll(Consumer<String> messages);

    /** Sends a message to every listening instance, this one included. */
    void publish(String message);

    /** What it is, for the log. */
    String describe();

    @Override
    void close();
}
