package io.circuitbreaker.llm.cluster;

import java.util.Optional;

/**
 * A change notice on the wire: {@code <instance id> <topic>}. Carries no data, only what to re-read, so nothing
 * secret ever travels through Redis or PostgreSQL's notification channel.
 */
record ChangeNotice(String instance, ChangeTopic topic) {

    String encode() {
        return instance + " " + topic.name();
    }

    /** Empty for anything that is not a notice of ours (another program on the same channel). */
    static Optional<ChangeNotice> decode(String message) {
        if (message == null || message.length() > 200) {
            return Optional.empty();
        }
        int space = message.indexOf(' ');
        if (space <= 0) {
            return Optional.empty();
        }
        return ChangeTopic.parse(message.substring(space + 1))
                .map(topic -> new ChangeNotice(message.substring(0, space), topic));
    }
}
