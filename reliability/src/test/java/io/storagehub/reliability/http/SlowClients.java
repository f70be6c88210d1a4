package io.storagehub.reliability.http;

import io.storagehub.testkit.wait.Wait;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Slow-loris clients: connections that trickle a valid request one byte per tick (a scheduler writes the next
 * byte of every one of them), connections that send half a request and stop, and connections that open and say
 * nothing. The tricklers' answers are kept: a slow but valid request must still be answered, and never with a 5xx.
 */
final class SlowClients implements AutoCloseable {
    private final List<Trickle> tricklers = new ArrayList<>();
    private final List<Socket> idle = new ArrayList<>();
    private final Map<String, Integer> answers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService readers = Executors.newCachedThreadPool();

    private static final class Trickle {
        final Socket socket;
        final byte[] request;
        int next;

        Trickle(Socket socket, byte[] request) {
            this.socket = socket;
            this.request = request;
        }
    }

    /** Opens the connections and starts trickling, one byte per {@code tick}. */
    SlowClients start(int port, List<String> goodPaths, int trickling, int silent, Duration tick) throws IOException {
        for (int i = 0; i < trickling; i++) {
            String request = "GET " + goodPaths.get(i % goodPaths.size()) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n\r\n";
            tricklers.add(new Trickle(connect(port), request.getBytes(StandardCharsets.ISO_8859_1)));
        }
        for (int i = 0; i < silent; i++) {
            Socket socket = connect(port);
            if (i % 2 == 1) {
                socket.getOutputStream().write("GET /v1/chains HTTP/1.1\r\nHost: x\r\n".getBytes(
                        StandardCharsets.ISO_8859_1));
            }
            idle.add(socket);
        }
        ticker.scheduleAtFixedRate(this::tick, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(60_000);
        return socket;
    }

    private void tick() {
        for (Trickle t : tricklers) {
            if (t.next >= t.request.length) {
                continue;
            }
            try {
                t.socket.getOutputStream().write(t.request[t.next++]);
                t.socket.getOutputStream().flush();
                if (t.next == t.request.length) {
                    readers.submit(() -> read(t));
                }
            } catch (IOException e) {
                t.next = t.request.length;
                answers.merge("closed while sending", 1, Integer::sum);
            }
        }
    }

    private void read(Trickle t) {
        try (InputStream in = t.socket.getInputStream()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            String text = bytes.toString(StandardCharsets.ISO_8859_1);
            answers.merge(text.startsWith("HTTP/1.1 ") ? "status " + text.substring(9, 12) : "no answer", 1,
                    Integer::sum);
        } catch (IOException e) {
            answers.merge("read failed", 1, Integer::sum);
        }
    }

    /** Waits until every trickling client has its answer (or lost its connection). */
    void awaitAnswers(Duration timeout) {
        Wait.until(timeout, "every slow client answered",
                () -> answers.values().stream().mapToInt(Integer::intValue).sum() >= tricklers.size());
    }

    Map<String, Integer> answers() {
        return Map.copyOf(answers);
    }

    /** How many idle connections the server still holds open (a read that would block rather than end). */
    int idleStillOpen() {
        int open = 0;
        for (Socket socket : idle) {
            try {
                socket.setSoTimeout(1);
                open += socket.getInputStream().read() == -1 ? 0 : 1;
            } catch (java.net.SocketTimeoutException e) {
                open++;
            } catch (IOException e) {
                // reset by the server: closed
            }
        }
        return open;
    }

    int trickling() {
        return tricklers.size();
    }

    int silent() {
        return idle.size();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        readers.shutdownNow();
        tricklers.forEach(t -> closeQuietly(t.socket));
        idle.forEach(SlowClients::closeQuietly);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
