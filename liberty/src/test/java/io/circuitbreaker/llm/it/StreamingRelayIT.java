package io.circuitbreaker.llm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.http.ScriptedSseServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Streaming through {@code /v1/chat/completions} against an upstream whose every chunk the test releases: each chunk
 * reaches the client before the upstream has even sent the next (nothing is buffered), and a client that hangs up
 * gets its upstream request closed within a second.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StreamingRelayIT {

    private static final String PROVIDER = "relay-it";
    private final GatewayClient gateway = new GatewayClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.gatewayEar();
    }

    @AfterEach
    void removeProvider() {
        gateway.graphql("mutation { removeLlmProvider(id: \"" + PROVIDER + "\") }");
    }

    @Test
    void eachChunkReachesTheClientBeforeTheUpstreamSendsTheNext() throws Exception {
        try (ScriptedSseServer upstream = new ScriptedSseServer(); Socket client = openStream(upstream)) {
            upstream.send(chunk("{\"role\":\"assistant\",\"content\":\"Hel\"}", null));
            String head = readUntil(client, "Hel");
            assertTrue(head.startsWith("HTTP/1.1 200"), head);
            assertTrue(head.toLowerCase().contains("content-type: text/event-stream"), head);
            assertTrue(head.toLowerCase().contains("x-llm-provider: " + PROVIDER), head);
            assertTrue(head.contains("\"object\":\"chat.completion.chunk\""), head);

            // only now does the upstream send its second chunk
            upstream.send(chunk("{\"content\":\"lo\"}", null));
            readUntil(client, "\"lo\"");
            upstream.send(chunk("{}", "\"stop\""));
            upstream.send("[DONE]");
            upstream.finish();
            String rest = readUntil(client, "data: [DONE]");
            assertTrue(rest.contains("\"finish_reason\":\"stop\""), rest);
        }
    }

    @Test
    void aClientThatHangsUpGetsItsUpstreamRequestClosedWithinASecond() throws Exception {
        try (ScriptedSseServer upstream = new ScriptedSseServer()) {
            Socket client = openStream(upstream);
            upstream.send(chunk("{\"role\":\"assistant\",\"content\":\"one\"}", null));
            readUntil(client, "one");
            client.close();
            long closedAt = System.nanoTime();
            // the upstream keeps generating, as a model does; the gateway notices the client is gone and cancels
            for (int i = 0; i < 30 && !upstream.clientClosed.await(50, TimeUnit.MILLISECONDS); i++) {
                upstream.send(chunk("{\"content\":\" more\"}", null));
            }
            assertTrue(upstream.clientClosed.await(0, TimeUnit.MILLISECONDS), "upstream connection still open");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closedAt);
            assertTrue(millis < 1000, "upstream closed after " + millis + " ms");

            JsonObject last = GatewayClient.json(gateway.graphql("{ recentRequests(limit: 1) { requestedModel "
                    + "outcome streamed } }")).getJsonObject("data").getJsonArray("recentRequests").getJsonObject(0);
            assertEquals(PROVIDER + "/relay-model", last.getString("requestedModel"));
            assertEquals("CANCELLED", last.getString("outcome"));
            assertTrue(last.getBoolean("streamed"));
        }
    }

    private Socket openStream(ScriptedSseServer upstream) throws Exception {
        String configured = gateway.graphql("mutation { configureLlmProvider(input: {id: \"" + PROVIDER
                + "\", providerType: \"openai\", name: \"Relay IT\", baseUrl: \"" + upstream.baseUrl() + "/v1\", "
                + "apiKeyId: \"it-primary\", models: [{id: \"relay-model\", contextWindow: 8192}]}) { id } }").body();
        assertFalse(configured.contains("errors"), configured);
        String body = "{\"model\":\"" + PROVIDER + "/relay-model\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}";
        int port = Integer.parseInt(System.getProperty("it.http.port", "19080"));
        Socket socket = new Socket("localhost", port);
        socket.setSoTimeout(5000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Accept: text/event-stream\r\nAuthorization: Bearer " + GatewayClient.ADMIN_KEY
                + "\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
        out.flush();
        assertTrue(upstream.requestReceived.await(10, TimeUnit.SECONDS), "the gateway never called the upstream");
        return socket;
    }

    /** Reads what the gateway sent until {@code marker} appears; fails if it does not within 5 s. */
    private static String readUntil(Socket socket, String marker) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder seen = new StringBuilder();
        byte[] buffer = new byte[8192];
        while (!seen.toString().contains(marker)) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("\"" + marker + "\" did not arrive within 5 s; got: " + seen, e);
            }
            if (n < 0) {
                throw new AssertionError("stream ended before \"" + marker + "\"; got: " + seen);
            }
            seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        return seen.toString();
    }

    private static String chunk(String delta, String finishReason) {
        return "{\"id\":\"chatcmpl-relay\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"relay-model\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finishReason + "}]}";
    }
}
