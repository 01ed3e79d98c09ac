package io.circuitbreaker.llm.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * An upstream on a raw socket that reads each chat request (POST) and never answers, recording each request line and
 * noticing when the gateway closes the connection: what WireMock cannot report. Health probes are answered at once.
 */
final class HangingUpstream implements AutoCloseable {

    private final ServerSocket server;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final CountDownLatch requestReceived = new CountDownLatch(1);
    final CountDownLatch connectionClosed = new CountDownLatch(1);

    HangingUpstream() throws IOException {
        server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "hanging-upstream");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread reader = new Thread(() -> hold(socket), "hanging-upstream-connection");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Reads the request, then waits without answering until the gateway closes the connection. */
    private void hold(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0 && b != '\r') {
                line.append((char) b);
            }
            if (!line.toString().startsWith("POST")) {
                // a health probe (list models): answered at once, and not what the test watches
                socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 11\r\nConnection: close\r\n\r\n{\"data\":[]}").getBytes(
                        java.nio.charset.StandardCharsets.US_ASCII));
                return;
            }
            requests.add(line.toString());
            requestReceived.countDown();
            while (in.read() >= 0) {
                // the rest of the request; then nothing until the connection closes
            }
            connectionClosed.countDown();
        } catch (IOException e) {
            if (!requests.isEmpty()) {
                connectionClosed.countDown();
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
