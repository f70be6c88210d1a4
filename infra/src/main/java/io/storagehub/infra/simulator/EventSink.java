package io.storagehub.infra.simulator;

import io.storagehub.schema.event.Envelope;
import java.util.List;

/** Where simulated events go: a Kafka topic or a JSON-lines file. */
public interface EventSink extends AutoCloseable {

    /** Hands events over in order; they may be buffered until {@link #flush()}. */
    void send(List<Envelope> events);

    /** Blocks until everything sent is durably written; throws if any of it failed. */
    void flush();

    /** A human-readable destination, for logs. */
    String describe();

    @Override
    void close();
}
