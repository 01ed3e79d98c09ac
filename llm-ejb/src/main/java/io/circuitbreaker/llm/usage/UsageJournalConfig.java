package io.circuitbreaker.llm.usage;

import java.nio.file.Path;
import org.eclipse.microprofile.config.Config;

/**
 * The usage journal's settings from MicroProfile Config, prefix {@code llm.usage.journal} (env
 * {@code LLM_USAGE_JOURNAL_...}). Read through {@link Config} for the reason given in
 * {@link io.circuitbreaker.llm.config.RouterConfig}.
 *
 * @param enabled      whether events are journaled at all ({@code enabled}, true); off, a crash loses the events
 *                     not yet written to the database
 * @param dir          the journal's directory ({@code dir}; server.xml sets {@code ${server.output.dir}/usage-journal},
 *                     and the relative default resolves there too, Liberty's working directory being the server's
 *                     output directory). One directory per server: two processes must not share it
 * @param maxBytes     the journal's cap; past it events are not journaled, and counted ({@code max-bytes}, 64 MiB)
 * @param segmentBytes a new segment is started past this while the database is behind ({@code segment-bytes}, 1 MiB)
 * @param force        fsync each write, for machine and power failures as well as process crashes ({@code force},
 *                     false: a process crash keeps what was written, see {@link UsageJournal})
 */
record UsageJournalConfig(boolean enabled, Path dir, long maxBytes, long segmentBytes, boolean force) {

    private static final String PREFIX = "llm.usage.journal.";

    static UsageJournalConfig from(Config config) {
        return new UsageJournalConfig(
                config.getOptionalValue(PREFIX + "enabled", Boolean.class).orElse(true),
                Path.of(config.getOptionalValue(PREFIX + "dir", String.class).orElse("usage-journal")),
                config.getOptionalValue(PREFIX + "max-bytes", Long.class).orElse(64L << 20),
                config.getOptionalValue(PREFIX + "segment-bytes", Long.class).orElse(1L << 20),
                config.getOptionalValue(PREFIX + "force", Boolean.class).orElse(false));
    }
}
