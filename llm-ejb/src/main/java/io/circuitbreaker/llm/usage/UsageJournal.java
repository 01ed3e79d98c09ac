package io.circuitbreaker.llm.usage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * An append-only journal of usage events, so that a crash between the answer and the database commit loses no
 * billing data. Events are appended as they are recorded and forgotten once the database holds them; at start the
 * events of an earlier process still in the journal are replayed into the database.
 *
 * <p>Durability: a line is written with a plain {@code write()}, without {@code fsync}, by default. A crash of the
 * server process (kill -9, OOM kill, JVM abort) leaves written data in the operating system's page cache, which
 * reaches the disk anyway; only a crash of the machine or its power could lose the last few seconds. {@code force}
 * ({@code llm.usage.journal.force}) adds an {@code fsync} per group of lines written together, for that case too.
 *
 * <p>Files: {@code usage-<n>.journal} segments in one directory. The current segment is truncated when every event in
 * it is committed (the usual case, at each flush), and when the database falls behind a new segment is started every
 * {@code segmentBytes}; older segments are deleted once all their events are committed. The journal never grows
 * beyond {@code maxBytes}: past it, events are not journaled (still written to the database, counted as refused).
 *
 * <p>Thread-safety: appends come from the journal thread, commits from the flusher; both are synchronized (a write is
 * microseconds).
 */
final class UsageJournal implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(UsageJournal.class.getName());
    private static final String PREFIX = "usage-";
    private static final String SUFFIX = ".journal";

    /** What a replay does with a segment's events; the segment is deleted only when it returns normally. */
    interface Replay {
        void replay(List<JournaledEvent> events) throws Exception;
    }

    private record Segment(Path file, long lastSeq, long size) {
    }

    private final Path dir;
    private final long maxBytes;
    private final long segmentBytes;
    private final boolean force;
    /** Unique per process: event ids are {@code <instance>-<seq>}. */
    private final String instance = Long.toString(new SecureRandom().nextLong() >>> 1, 36);
    private final List<Path> earlier;
    private final Deque<Segment> closed = new ArrayDeque<>();
    private long nextSegment;
    private long nextSeq = 1;
    private FileChannel current;
    private Path currentFile;
    private long currentSize;
    private long currentLastSeq;
    private long bytes;
    private long refused;
    private long damaged;

    private UsageJournal(Path dir, long maxBytes, long segmentBytes, boolean force, List<Path> earlier,
            long nextSegment) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.segmentBytes = segmentBytes;
        this.force = force;
        this.earlier = earlier;
        this.nextSegment = nextSegment;
    }

    /** Opens the journal in {@code dir} (created if need be); segments found there are kept for {@link #replay}. */
    static UsageJournal open(Path dir, long maxBytes, long segmentBytes, boolean force) throws IOException {
        Files.createDirectories(dir);
        List<Path> found;
        try (Stream<Path> files = Files.list(dir)) {
            found = files.filter(f -> number(f) >= 0).sorted((a, b) -> Long.compare(number(a), number(b))).toList();
        }
        long next = found.isEmpty() ? 1 : number(found.get(found.size() - 1)) + 1;
        UsageJournal journal = new UsageJournal(dir, maxBytes, segmentBytes, force, new ArrayList<>(found), next);
        journal.startSegment();
        return journal;
    }

    /** A journal that writes nothing ({@code llm.usage.journal.enabled=false}): events only get their ids. */
    static UsageJournal off() {
        return new UsageJournal(null, 0, 0, false, new ArrayList<>(), 0);
    }

    /**
     * Hands each segment left by an earlier process, oldest first, to {@code replay}, and deletes it once replayed.
     * Torn or damaged lines (a crash in the middle of a write, a damaged disk) are skipped and counted. Stops at the
     * first failure, keeping that segment and later ones for the next start.
     *
     * @return the events replayed
     */
    synchronized int replay(Replay replay) throws Exception {
        int replayed = 0;
        while (!earlier.isEmpty()) {
            Path file = earlier.get(0);
            List<JournaledEvent> events = read(file);
            replay.replay(events);
            Files.deleteIfExists(file);
            earlier.remove(0);
            replayed += events.size();
        }
        return replayed;
    }

    /** Numbers the events and appends them as one write; journaled or not, they are returned for the database. */
    synchronized List<JournaledEvent> append(List<UsageEvent> events) {
        List<JournaledEvent> numbered = new ArrayList<>(events.size());
        StringBuilder lines = new StringBuilder(events.size() * 320);
        for (UsageEvent event : events) {
            long seq = nextSeq++;
            JournaledEvent entry = new JournaledEvent(seq, instance + "-" + Long.toString(seq, 36), event);
            numbered.add(entry);
            if (current != null) {
                lines.append(JournalCodec.encode(entry.eventId(), event));
            }
        }
        if (current == null || numbered.isEmpty()) {
            return numbered;
        }
        byte[] data = lines.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes + data.length > maxBytes) {
            refuse(events.size(), "the journal is at its cap of " + maxBytes + " bytes");
            return numbered;
        }
        try {
            if (currentSize >= segmentBytes) {
                closed.add(new Segment(currentFile, currentLastSeq, currentSize));
                current.close();
                startSegment();
            }
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                current.write(buffer);
            }
            if (force) {
                current.force(false);
            }
            currentSize += data.length;
            bytes += data.length;
            currentLastSeq = numbered.get(numbered.size() - 1).seq();
        } catch (IOException e) {
            refuse(events.size(), "could not write the journal: " + e);
        }
        return numbered;
    }

    /** Every event up to {@code seq} is in the database: segments holding only such events go. */
    synchronized void committed(long seq) {
        try {
            while (!closed.isEmpty() && closed.peekFirst().lastSeq() <= seq) {
                Segment done = closed.removeFirst();
                Files.deleteIfExists(done.file());
                bytes -= done.size();
            }
            if (current != null && currentSize > 0 && currentLastSeq <= seq) {
                current.truncate(0);
                bytes -= currentSize;
                currentSize = 0;
            }
        } catch (IOException e) {
            // harmless: a replay skips events the database already holds
            LOG.log(Level.WARNING, "could not drop committed usage journal entries", e);
        }
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized long refusedCount() {
        return refused;
    }

    synchronized long damagedCount() {
        return damaged;
    }

    /** Closes the current segment, deleting it when empty (a clean stop leaves no journal behind). */
    @Override
    public synchronized void close() {
        if (current == null) {
            return;
        }
        try {
            current.close();
            if (currentSize == 0) {
                Files.deleteIfExists(currentFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            current = null;
        }
    }

    private void startSegment() throws IOException {
        currentFile = dir.resolve(String.format("%s%012d%s", PREFIX, nextSegment++, SUFFIX));
        current = FileChannel.open(currentFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        currentSize = current.size();
        currentLastSeq = 0;
    }

    private List<JournaledEvent> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<JournaledEvent> events = new ArrayList<>();
        int start = 0;
        for (int end = text.indexOf('\n'); end >= 0; start = end + 1, end = text.indexOf('\n', start)) {
            JournalCodec.decode(text.substring(start, end)).ifPresentOrElse(events::add, () -> damaged++);
        }
        if (start < text.length()) {
            damaged++; // a last line without its newline: the write was cut short
        }
        if (damaged > 0) {
            LOG.warning(damaged + " damaged usage journal line(s) skipped so far (last in " + file + ")");
        }
        return events;
    }

    private void refuse(int events, String why) {
        refused += events;
        if (refused == events || refused % 1000 < events) {
            LOG.warning(why + ": " + refused + " usage event(s) not journaled so far");
        }
    }

    /** The segment number of a journal file, or -1 for any other file. */
    private static long number(Path file) {
        String name = file.getFileName().toString();
        if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) {
            return -1;
        }
        try {
            return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
