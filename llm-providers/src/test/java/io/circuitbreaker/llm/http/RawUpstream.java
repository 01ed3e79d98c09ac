package io.circuitbreaker.llm.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * A one-connection upstream on a raw socket: it records the request exactly as sent (head and body bytes) and then
 * answers with whatever the test writes, at whatever pace, so it can misbehave in ways an HTTP server will not.
 */
final class RawUpstream implements AutoCloseable {

    /** What the test does with the connection once the request has been read. */
    @FunctionalInterface
    interface Script {
        void answer(OutputStream out) throws Exception;
    }

    private final ServerSocket server;
    private final Thread thread;
    /** The request head (request line and headers, CRLF-separated) and body. */
    final CompletableFuture<String> head = new CompletableFuture<>();
    final CompletableFuture<byte[]> body = new CompletableFuture<>();
    final CountDownLatch clientClosed = new CountDownLatch(1);
    private volatile Socket connection;

    RawUpstream(Script script) throws IOException {
        server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(script), "raw-upstream");
        thread.setDaemon(true);
        thread.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/v1/chat";
    }

    private void serve(Script script) {
        try (Socket socket = server.accept()) {
            connection = socket;
            InputStream in = socket.getInputStream();
            String headers = readHead(in);
            head.complete(headers);
            body.complete(in.readNBytes(contentLength(headers)));
            script.answer(socket.getOutputStream());
            socket.getOutputStream().flush();
            // wait for the client to hang up (or the test to close us)
            while (in.read() >= 0) {
                // discard
            }
            clientClosed.countDown();
        } catch (Exception e) {
            clientClosed.countDown();
            head.completeExceptionally(e);
        }
    }

    static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("client closed before sending its headers");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
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
        Socket socket = connection;
        if (socket != null) {
            socket.close();
        }
    }
}
