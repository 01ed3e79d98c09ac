package io.circuitbreaker.llm.api;

import jakarta.servlet.ReadListener;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Just enough of a servlet request and response for unit tests of filters and body reading, as dynamic proxies: a
 * method the code under test calls that is not faked here fails the test by name instead of returning a quiet null.
 */
public final class FakeHttp {

    private FakeHttp() {
    }

    /** A request to build up; {@link #proxy()} is what the code under test sees. */
    public static final class Request {

        private final String method;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private final Map<String, Object> attributes = new LinkedHashMap<>();
        private long contentLength = -1;
        private BodyStream body = new BodyStream(new byte[0], 0);

        public Request(String method) {
            this.method = method;
        }

        private String uri = "/";
        private String forwardedTo;

        public Request uri(String value) {
            uri = value;
            return this;
        }

        /** Where the request was forwarded with its request dispatcher; null when it was not. */
        public String forwardedTo() {
            return forwardedTo;
        }

        public Request header(String name, String value) {
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
            return this;
        }

        public Request attribute(String name, Object value) {
            attributes.put(name, value);
            return this;
        }

        public Request parameter(String name, String value) {
            parameters.put(name, value);
            return this;
        }

        /** A body sent with its Content-Length. */
        public Request body(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            body = new BodyStream(bytes, bytes.length);
            contentLength = bytes.length;
            return this;
        }

        /** A body of {@code length} bytes sent chunked (no Content-Length), made up as it is read. */
        public Request chunkedBody(long length) {
            body = new BodyStream(new byte[] {' '}, length);
            contentLength = -1;
            return this;
        }

        /** A Content-Length header without a body to match, as a client may claim. */
        public Request declaredLength(long length) {
            contentLength = length;
            return this;
        }

        /** How many body bytes the code under test read. */
        public long bytesRead() {
            return body.read;
        }

        public HttpServletRequest proxy() {
            return (HttpServletRequest) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (self, m, args) -> switch (m.getName()) {
                        case "getMethod" -> method;
                        case "getRequestURI" -> uri;
                        case "getContextPath" -> "";
                        case "getHeader" -> first(headers.get(((String) args[0]).toLowerCase(Locale.ROOT)));
                        case "getHeaders" -> Collections.enumeration(headers.getOrDefault(
                                ((String) args[0]).toLowerCase(Locale.ROOT), List.of()));
                        case "getHeaderNames" -> Collections.enumeration(headers.keySet());
                        case "getContentType" -> first(headers.get("content-type"));
                        case "getContentLengthLong" -> contentLength;
                        case "getContentLength" -> (int) Math.min(contentLength, Integer.MAX_VALUE);
                        case "getInputStream" -> body;
                        case "getParameter" -> parameters.get((String) args[0]);
                        case "getAttribute" -> attributes.get((String) args[0]);
                        case "setAttribute" -> attributes.put((String) args[0], args[1]);
                        case "getServletPath" -> uri;
                        case "getRequestDispatcher" -> dispatcherTo((String) args[0]);
                        case "toString" -> "FakeHttp.Request " + method;
                        case "hashCode" -> System.identityHashCode(self);
                        case "equals" -> self == args[0];
                        default -> throw new UnsupportedOperationException("FakeHttp.Request." + m.getName());
                    });
        }

        private RequestDispatcher dispatcherTo(String path) {
            return new RequestDispatcher() {
                @Override
                public void forward(ServletRequest request, ServletResponse response) {
                    forwardedTo = path;
                }

                @Override
                public void include(ServletRequest request, ServletResponse response) {
                    throw new UnsupportedOperationException("FakeHttp include");
                }
            };
        }

        private static String first(List<String> values) {
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** A response that records what was set and written. */
    public static final class Response {

        private int status = 200;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private String contentType;

        public int status() {
            return status;
        }

        /** The header's values joined with ", ", or {@code null} when it was never set. */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : String.join(", ", values);
        }

        public Map<String, List<String>> headers() {
            return headers;
        }

        public String contentType() {
            return contentType;
        }

        public String body() {
            return body.toString(StandardCharsets.UTF_8);
        }

        public HttpServletResponse proxy() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    // always ready: writes go through at once, the listener is never needed
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (self, m, args) -> {
                        switch (m.getName()) {
                            case "setStatus" -> status = (Integer) args[0];
                            case "flushBuffer" -> {
                                // nothing is buffered: writes go straight to the body
                            }
                            case "getStatus" -> {
                                return status;
                            }
                            case "setHeader" -> headers.put(((String) args[0]).toLowerCase(Locale.ROOT),
                                    new ArrayList<>(List.of((String) args[1])));
                            case "addHeader" -> headers.computeIfAbsent(((String) args[0]).toLowerCase(Locale.ROOT),
                                    k -> new ArrayList<>()).add((String) args[1]);
                            case "getHeader" -> {
                                return header((String) args[0]);
                            }
                            case "getHeaders" -> {
                                return headers.getOrDefault(((String) args[0]).toLowerCase(Locale.ROOT), List.of());
                            }
                            case "containsHeader" -> {
                                return headers.containsKey(((String) args[0]).toLowerCase(Locale.ROOT));
                            }
                            case "setContentType" -> contentType = (String) args[0];
                            case "getContentType" -> {
                                return contentType;
                            }
                            case "setContentLength", "setCharacterEncoding" -> {
                                // not checked by these tests
                            }
                            case "resetBuffer" -> body.reset();
                            case "isCommitted" -> {
                                return false;
                            }
                            case "getOutputStream" -> {
                                return out;
                            }
                            case "toString" -> {
                                return "FakeHttp.Response " + status;
                            }
                            case "hashCode" -> {
                                return System.identityHashCode(self);
                            }
                            case "equals" -> {
                                return self == args[0];
                            }
                            default -> throw new UnsupportedOperationException("FakeHttp.Response." + m.getName());
                        }
                        return null;
                    });
        }
    }

    /** A body stream that repeats {@code pattern} up to {@code length} bytes and counts what was read. */
    private static final class BodyStream extends ServletInputStream {

        private final byte[] pattern;
        private final long length;
        private long read;

        BodyStream(byte[] pattern, long length) {
            this.pattern = pattern;
            this.length = length;
        }

        @Override
        public int read() {
            if (read >= length) {
                return -1;
            }
            return pattern[(int) (read++ % pattern.length)] & 0xFF;
        }

        @Override
        public int read(byte[] bytes, int offset, int count) {
            if (read >= length) {
                return -1;
            }
            int n = (int) Math.min(count, length - read);
            for (int i = 0; i < n; i++) {
                bytes[offset + i] = pattern[(int) ((read + i) % pattern.length)];
            }
            read += n;
            return n;
        }

        @Override
        public boolean isFinished() {
            return read >= length;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException();
        }
    }
}
