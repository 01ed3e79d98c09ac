package io.circuitbreaker.llm.shared;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** The services this machine runs for tests (Redis 6379, PostgreSQL 5432): tests that need one skip without it. */
public final class LocalServices {

    public static final int REDIS = 6379;
    public static final int POSTGRESQL = 5432;

    private LocalServices() {
    }

    /** Whether something accepts connections on 127.0.0.1 at this port within half a second. */
    public static boolean reachable(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
