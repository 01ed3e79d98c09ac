package io.circuitbreaker.llm.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An SSE upstream on loopback whose one stream the test writes event by event, and which notices when the client
 * goes away. WireMock cannot hold a response open on demand or report a client disconnect; this can.
 */
public final class ScriptedSseServer implements AutoCloseable {

    private final ServerSocket server;
    private final BlockingQueue<String> toSend = new LinkedBlockingQueue<>();
    public final CountDownLatch requestReceived = new CountDownLatch(1);
    public final CountDownLatch clientClosed = new CountDownLatch(1);
    private static final String END = "\u0000end";
    private final Thread thread;

    public ScriptedSseServer() throws IOException {
        server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "scripted-sse-server");
        thread.setDaemon(true);
        thread.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Sends one SSE event ({@code data: <json>} and a blank line) as its own HTTP chunk. */
    public void send(String data) {
        toSend.add("data: " + data + "\n\n");
    }

    /** Ends the body (final zero-length chunk). */
    public void finish() {
        toSend.add(END);
    }

    private void serve() {
        try (Socket socket = acceptStreamRequest()) {
            InputStream in = socket.getInputStream();
            requestReceived.countDown();
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (true) {
                String next = toSend.poll(50, TimeUnit.MILLISECONDS);
                if (next == null) {
                    // probe: a closed client makes the read return -1 (or the write fail)
                    socket.setSoTimeout(1);
                    try {
                        if (in.read() == -1) {
                            clientClosed.countDown();
                            return;
                        }
                    } catch (java.net.SocketTimeoutException stillOpen) {
                        // the client is still connected
                    }
                    continue;
                }
                if (next == END) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    continue;
                }
                byte[] bytes = next.getBytes(StandardCharsets.UTF_8);
                out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException e) {
            clientClosed.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Accepts connections until one carries a POST (the stream request); anything else, such as a health probe's
     * {@code GET /models}, gets an empty JSON list and is closed.
     */
    private Socket acceptStreamRequest() throws IOException {
        while (true) {
            Socket socket = server.accept();
            InputStream in = socket.getInputStream();
            String headers = readHeaders(in);
            // the request body is consumed, so that a later read of -1 means the client closed the connection
            in.readNBytes(contentLength(headers));
            if (headers.startsWith("POST")) {
                return socket;
            }
            try (socket) {
                socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 11\r\nConnection: close\r\n\r\n{\"data\":[]}")
                        .getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    private static String readHeaders(InputStream in) throws IOException {
        StringBuilder headers = new StringBuilder();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("client closed before sending headers");
            }
            headers.append((char) b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return headers.toString();
    }

    private static int contentLength(String headers) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
                return Integer.parseInt(line.substring(colon + 1).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        server.close();
        thread.interrupt();
    }
}
