package io.storagehub.reliability.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;

/**
 * Counts what the API process logs at ERROR or with a stack trace while attached: a request the API did not
 * expect shows there even when its answer looks clean.
 */
final class ServerErrorLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger traces = new AtomicInteger();
    private volatile String first;

    static ServerErrorLog attach() {
        ServerErrorLog log = new ServerErrorLog();
        log.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        log.setName("reliability-server-errors");
        log.start();
        root().addAppender(log);
        return log;
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Override
    protected void append(ILoggingEvent event) {
        boolean api = event.getLoggerName().startsWith("io.storagehub.api") || event.getLoggerName()
                .startsWith("org.eclipse.jetty") || event.getLoggerName().startsWith("io.javalin");
        if (!api) {
            return;
        }
        if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
            errors.incrementAndGet();
            first = first == null ? event.getFormattedMessage() : first;
        }
        if (event.getThrowableProxy() != null) {
            traces.incrementAndGet();
            first = first == null ? event.getFormattedMessage() : first;
        }
    }

    int errors() {
        return errors.get();
    }

    int traces() {
        return traces.get();
    }

    String first() {
        return first;
    }

    @Override
    public void close() {
        root().detachAppender(this);
        stop();
    }
}
