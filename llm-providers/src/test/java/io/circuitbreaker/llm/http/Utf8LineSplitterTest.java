package io.circuitbreaker.llm.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines come out the same however the bytes are cut into buffers. */
class Utf8LineSplitterTest {

    /** LF, CRLF, lone CR, blank lines, and one-, two-, three- and four-byte characters. */
    private static final String TEXT = "data: {\"a\":\"héllo\"}\n\r\ndata: 日本語 😀\r\n\rid: 7\r: ¢€\n\nlast";
    private static final List<String> LINES = List.of("data: {\"a\":\"héllo\"}", "", "data: 日本語 😀", "",
            "id: 7", ": ¢€", "", "last");

    private static List<String> split(List<ByteBuffer> buffers) {
        List<String> lines = new ArrayList<>();
        Utf8LineSplitter splitter = new Utf8LineSplitter(lines::add, 1024);
        buffers.forEach(splitter::feed);
        splitter.finish();
        return lines;
    }

    @Test
    void wholeTextInOneBuffer() {
        assertEquals(LINES, split(List.of(ByteBuffer.wrap(TEXT.getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void everyCutIntoTwoBuffersGivesTheSameLines() {
        byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= bytes.length; cut++) {
            List<ByteBuffer> buffers = List.of(ByteBuffer.wrap(bytes, 0, cut).slice(),
                    ByteBuffer.wrap(bytes, cut, bytes.length - cut).slice());
            assertEquals(LINES, split(buffers), "cut at byte " + cut);
        }
    }

    @Test
    void oneByteAtATimeWithEmptyBuffersBetween() {
        List<ByteBuffer> buffers = new ArrayList<>();
        for (byte b : TEXT.getBytes(StandardCharsets.UTF_8)) {
            buffers.add(ByteBuffer.wrap(new byte[] {b}));
            buffers.add(ByteBuffer.allocate(0));
        }
        assertEquals(LINES, split(buffers));
    }

    @Test
    void directBuffersAndBuffersWithAnOffset() {
        byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);
        int cut = bytes.length / 3;
        ByteBuffer direct = ByteBuffer.allocateDirect(cut).put(bytes, 0, cut).flip();
        byte[] padded = new byte[bytes.length + 10];
        System.arraycopy(bytes, 0, padded, 5, bytes.length);
        ByteBuffer offset = ByteBuffer.wrap(padded, 5 + cut, bytes.length - cut).slice();
        assertEquals(LINES, split(List.of(direct, offset)));
    }

    @Test
    void theBufferIsConsumed() {
        ByteBuffer buffer = ByteBuffer.wrap("a\nb".getBytes(StandardCharsets.UTF_8));
        new Utf8LineSplitter(line -> { }, 16).feed(buffer);
        assertEquals(0, buffer.remaining());
    }

    @Test
    void aTrailingTerminatorAddsNoEmptyLine() {
        assertEquals(List.of("a", "b"), split(List.of(ByteBuffer.wrap("a\r\nb\r".getBytes(StandardCharsets.UTF_8)),
                ByteBuffer.wrap("\n".getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void aLineOverTheLimitIsRefusedWhetherWholeOrInPieces() {
        byte[] longLine = new byte[40];
        Arrays.fill(longLine, (byte) 'x');
        Utf8LineSplitter whole = new Utf8LineSplitter(line -> { }, 32);
        assertThrows(Utf8LineSplitter.LineTooLongException.class,
                () -> whole.feed(ByteBuffer.wrap((new String(longLine, StandardCharsets.US_ASCII) + "\n")
                        .getBytes(StandardCharsets.US_ASCII))));
        Utf8LineSplitter pieces = new Utf8LineSplitter(line -> { }, 32);
        pieces.feed(ByteBuffer.wrap(longLine, 0, 20));
        assertThrows(Utf8LineSplitter.LineTooLongException.class,
                () -> pieces.feed(ByteBuffer.wrap(longLine, 20, 20)));
    }
}
