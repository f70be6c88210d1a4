package io.storagehub.api.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server-sent events client over a raw socket (HTTP/1.1, chunked), so that a test controls when it reads: it
 * parses the WHATWG event-stream format (id, event, data, comment lines) into {@link Event}s and counts comments.
 * A paused client reads nothing after the answer's head until {@link #resume()}, with a small receive buffer.
 */
public final class SseClient implements AutoCloseable {
    /** One message: its {@code id}, {@code event} and {@code data} fields. */
    public record Event(String id, String event, String data) {
    }

    private final Socket socket;
    private final InputStream in;
    private final int status;
    private final String head;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final AtomicInteger comments = new AtomicInteger();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final CountDownLatch reading = new CountDownLatch(1);
    private volatile String body = "";

    private SseClient(Socket socket, InputStream in, int status, String head) {
        this.socket = socket;
        this.in = in;
        this.status = status;
        this.head = head;
    }

    /** Opens {@code GET target} with {@code Accept: text/event-stream} and the given extra header lines. */
    public static SseClient open(int port, String target, String... headers) {
        SseClient client = connect(port, target, 0, headers);
        client.resume();
        return client;
    }

    /** As {@link #open}, with a receive buffer of {@code receiveBuffer} bytes and nothing read until resumed. */
    public static SseClient paused(int port, String target, int receiveBuffer, String... headers) {
        return connect(port, target, receiveBuffer, headers);
    }

    private static SseClient connect(int port, String target, int receiveBuffer, String... headers) {
        try {
            Socket socket = new Socket();
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer);
            }
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder("GET ").append(target)
                    .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream(), receiveBuffer > 0 ? 512 : 8192);
            String head = readHead(in);
            int status = Integer.parseInt(head.substring(9, 12));
            SseClient client = new SseClient(socket, in, status, head);
            Thread reader = new Thread(client::read, "sse-client");
            reader.setDaemon(true);
            reader.start();
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int status() {
        return status;
    }

    public String header(String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    /** The body of an answer that is not a stream (a problem), once it has been read. */
    public String body() {
        awaitEnd(Duration.ofSeconds(10));
        return body;
    }

    public void resume() {
        reading.countDown();
    }

    /** The next message, or an error when none arrives within {@code timeout}. */
    public Event next(Duration timeout) {
        try {
            Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("no event within " + timeout + (ended() ? " (the stream ended)" : ""));
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next message, or empty when none arrives within {@code timeout}. */
    public java.util.Optional<Event> poll(Duration timeout) {
        try {
            return java.util.Optional.ofNullable(events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    /** The next {@code count} messages. */
    public List<Event> next(int count, Duration timeout) {
        List<Event> got = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            got.add(next(timeout));
        }
        return got;
    }

    /** Every message received so far and not yet taken. */
    public List<Event> drain() {
        List<Event> got = new ArrayList<>();
        events.drainTo(got);
        return got;
    }

    public int comments() {
        return comments.get();
    }

    public boolean ended() {
        return ended.getCount() == 0;
    }

    /** Whether the server ended the stream within {@code timeout}. */
    public boolean awaitEnd(Duration timeout) {
        try {
            return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        resume();
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private void read() {
        try {
            reading.await();
            boolean chunked = "chunked".equalsIgnoreCase(header("Transfer-Encoding"));
            String length = header("Content-Length");
            if (status != 200) {
                body = new String(chunked ? dechunkAll() : in.readNBytes(length == null ? 0 : Integer.parseInt(length)),
                        StandardCharsets.UTF_8);
                return;
            }
            Parser parser = new Parser();
            if (!chunked) {
                for (int b = in.read(); b >= 0; b = in.read()) {
                    parser.accept((byte) b);
                }
                return;
            }
            for (int size = chunkSize(); size > 0; size = chunkSize()) {
                byte[] chunk = in.readNBytes(size);
                for (byte b : chunk) {
                    parser.accept(b);
                }
                line(in);
            }
        } catch (IOException | RuntimeException e) {
            // closed: the stream has ended
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ended.countDown();
        }
    }

    private byte[] dechunkAll() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int size = chunkSize(); size > 0; size = chunkSize()) {
            all.writeBytes(in.readNBytes(size));
            line(in);
        }
        return all.toByteArray();
    }

    private int chunkSize() throws IOException {
        String line = line(in);
        if (line == null) {
            return 0;
        }
        int semicolon = line.indexOf(';');
        return Integer.parseInt((semicolon < 0 ? line : line.substring(0, semicolon)).trim(), 16);
    }

    /** Lines of the event stream into messages (WHATWG: a blank line dispatches; ':' starts a comment). */
    private final class Parser {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private String id;
        private String event;
        private StringBuilder data;

        void accept(byte b) {
            if (b != '\n') {
                line.write(b);
                return;
            }
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (text.isEmpty()) {
                if (data != null) {
                    events.add(new Event(id, event, data.toString()));
                }
                event = null;
                data = null;
            } else if (text.startsWith(":")) {
                comments.incrementAndGet();
            } else {
                int colon = text.indexOf(':');
                String field = colon < 0 ? text : text.substring(0, colon);
                String value = colon < 0 ? "" : text.substring(colon + 1).replaceFirst("^ ", "");
                switch (field) {
                    case "id" -> id = value;
                    case "event" -> event = value;
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    default -> { }
                }
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed inside the answer's head: " + head);
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        if (!text.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP answer: " + text);
        }
        return text.substring(0, text.length() - 4);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                return line.toString(StandardCharsets.ISO_8859_1).replaceFirst("\r$", "").toLowerCase(Locale.ROOT);
            }
            line.write(b);
        }
        return null;
    }
}
