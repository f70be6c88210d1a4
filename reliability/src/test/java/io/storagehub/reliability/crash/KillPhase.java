package io.storagehub.reliability.crash;

/** Where in its work the indexer process is when it gets SIGKILL, and how the test tells. */
enum KillPhase {
    /** A batch transaction is open and has written (a backend of the indexer's pool has a transaction id). */
    BATCH,
    /** Between batches, with records still to read: no indexer backend is inside a transaction. */
    POLL,
    /** The dead-letter relay's Kafka transaction is open (the DLQ's high watermark is past its stable offset). */
    DLQ_PRODUCE,
    /** A second process joined the group: whichever logs a revocation or an assignment first is killed. */
    REBALANCE
}
