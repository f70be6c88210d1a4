package io.storagehub.api.support;

import io.storagehub.testkit.wait.Wait;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP forwarder in front of the test database, listening from construction on: {@link #stop()} closes
 * the port and every forwarded connection (the database "goes down" for whoever connects through it),
 * {@link #start()} opens the same port again. The port is held from the moment it is chosen, so nothing else
 * (another server's ephemeral port) can take it before the first {@link #start()}.
 */
public final class TcpProxy implements AutoCloseable {
    private static final Duration REBIND_WAIT = Duration.ofSeconds(5);
    private final int targetPort;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    public TcpProxy(int targetPort) {
        this.targetPort = targetPort;
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            this.port = s.getLocalPort();
            listen(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Opens the port (a no-op when it is open). */
    public synchronized TcpProxy start() {
        if (server != null && !server.isClosed()) {
            return this;
        }
        // a connection accepted just as the proxy stopped may still hold the port for a moment: retry the bind
        long deadline = System.nanoTime() + REBIND_WAIT.toNanos();
        while (true) {
            try {
                ServerSocket s = new ServerSocket();
                s.setReuseAddress(true);
                try {
                    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                } catch (IOException e) {
                    s.close();
                    throw e;
                }
                listen(s);
                return this;
            } catch (BindException e) {
                if (System.nanoTime() > deadline) {
                    throw new UncheckedIOException("port " + port + " still in use after " + REBIND_WAIT, e);
                }
                Wait.pause();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void listen(ServerSocket s) {
        server = s;
        Thread acceptor = new Thread(this::accept, "tcp-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public synchronized void stop() {
        closeQuietly(server);
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    @Override
    public void close() {
        stop();
    }

    private void accept() {
        ServerSocket s = server;
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                synchronized (this) {
                    if (s.isClosed()) {
                        closeQuietly(client); // accepted as the proxy stopped: it must not outlive the stop
                        return;
                    }
                    sockets.add(client);
                }
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(target);
                pump(client, target);
                pump(target, client);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed: close both
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                // already closed
            }
        }
    }
}
