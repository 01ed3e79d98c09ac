package io.circuitbreaker.llm.usage;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * One journal line per usage event: tab-separated fields ({@code \N} for null, backslash escapes for tab, newline,
 * carriage return and backslash) behind a format tag, followed by a CRC-32 of the line. Hand-written rather than JSON
 * because it runs for every request on the journal thread and the format never leaves this package. The checksum
 * lets recovery tell a torn or damaged line from a good one.
 */
final class JournalCodec {

    static final String FORMAT = "u3";
    /** The format before the response cache, without cache status and cost saved: still replayed after an upgrade. */
    static final String FORMAT_2 = "u2";
    /** The format before the cost breakdown, without the cost detail: still replayed after an upgrade. */
    static final String FORMAT_1 = "u1";
    private static final String NULL = "\\N";
    private static final int FIELDS = 27; // format, event id, 24 event fields, checksum

    private JournalCodec() {
    }

    /** The line for the event, with its trailing newline. */
    static String encode(String eventId, UsageEvent e) {
        StringBuilder line = new StringBuilder(256).append(FORMAT);
        for (Object field : new Object[] {eventId, e.requestId(), e.createdAt(), e.callerKeyId(), e.route(),
                e.requestedModel(), e.providerId(), e.providerType(), e.model(), e.streamed() ? "1" : "0",
                e.attempts(), e.fallbacks(), e.attemptLog(), e.inputTokens(), e.outputTokens(),
                e.cachedInputTokens(), e.reasoningTokens(), e.costUsd() == null ? null : e.costUsd().toPlainString(),
                e.latencyMs(), e.timeToFirstTokenMs(), e.outcome(), e.errorKind(), e.costDetail(), e.cacheStatus(),
                e.costSaved() == null ? null : e.costSaved().toPlainString()}) {
            line.append('\t');
            appendEscaped(line, field == null ? null : field.toString());
        }
        String body = line.toString();
        return body + '\t' + Long.toHexString(crc(body)) + '\n';
    }

    /** The event on a line (without its newline); empty when the line is damaged or of an unknown format. */
    static Optional<JournaledEvent> decode(String line) {
        int lastTab = line.lastIndexOf('\t');
        // u2 lacks the cache status and cost saved, u1 the cost detail as well
        int version = line.startsWith(FORMAT + '\t') ? 3 : line.startsWith(FORMAT_2 + '\t') ? 2
                : line.startsWith(FORMAT_1 + '\t') ? 1 : 0;
        if (version == 0 || lastTab < 0) {
            return Optional.empty();
        }
        String body = line.substring(0, lastTab);
        if (!line.substring(lastTab + 1).equals(Long.toHexString(crc(body)))) {
            return Optional.empty();
        }
        List<String> f = split(line);
        if (f.size() != (version == 3 ? FIELDS : version == 2 ? FIELDS - 2 : FIELDS - 3)) {
            return Optional.empty();
        }
        try {
            UsageEvent event = new UsageEvent(f.get(2), Instant.parse(f.get(3)), f.get(4), f.get(5), f.get(6),
                    f.get(7), f.get(8), f.get(9), "1".equals(f.get(10)), Integer.parseInt(f.get(11)),
                    Integer.parseInt(f.get(12)), f.get(13), integer(f.get(14)), integer(f.get(15)),
                    integer(f.get(16)), integer(f.get(17)), f.get(18) == null ? null : new BigDecimal(f.get(18)),
                    Long.parseLong(f.get(19)), f.get(20) == null ? null : Long.valueOf(f.get(20)),
                    UsageEvent.Outcome.valueOf(f.get(21)), f.get(22), version >= 2 ? f.get(23) : null,
                    version >= 3 ? f.get(24) : null,
                    version >= 3 && f.get(25) != null ? new BigDecimal(f.get(25)) : null);
            return Optional.of(new JournaledEvent(0, f.get(1), event));
        } catch (RuntimeException damaged) {
            return Optional.empty(); // a checksum collision on a damaged line: as damaged as a bad checksum
        }
    }

    private static Integer integer(String text) {
        return text == null ? null : Integer.valueOf(text);
    }

    private static long crc(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    private static void appendEscaped(StringBuilder out, String text) {
        if (text == null) {
            out.append(NULL);
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    /** The fields, unescaped; {@code \N} alone is null (an escaped backslash before N is {@code \\N}). */
    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>(FIELDS);
        for (String raw : line.split("\t", -1)) {
            if (raw.equals(NULL)) {
                fields.add(null);
                continue;
            }
            StringBuilder field = new StringBuilder(raw.length());
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '\\' && i + 1 < raw.length()) {
                    char next = raw.charAt(++i);
                    field.append(switch (next) {
                        case 't' -> '\t';
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        default -> next;
                    });
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString());
        }
        return fields;
    }
}
