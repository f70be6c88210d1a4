package io.storagehub.indexer.rebuild;

import io.storagehub.indexer.config.IndexerConfig;
import io.storagehub.indexer.history.TopicHistory;
import io.storagehub.indexer.history.TopicHistoryReader;
import io.storagehub.indexer.retry.FatalFailure;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rebuild replays the topic from its beginning, so it must still hold its whole history: a truncated topic
 * (a partition whose earliest offset is above 0) would rebuild a read model without the deleted events. It is
 * refused unless allowed; a finite retention is only warned about (nothing is lost yet).
 */
final class HistoryCheck {
    static final String ALLOW_FLAG = "--allow-truncated-history";
    private static final Logger log = LoggerFactory.getLogger(HistoryCheck.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private HistoryCheck() {
    }

    static TopicHistory verify(IndexerConfig kafka, boolean allowTruncated) {
        TopicHistory history = TopicHistoryReader.read(kafka.client(), kafka.topic(), TIMEOUT);
        if (history.truncated()) {
            if (!allowTruncated) {
                throw new FatalFailure("topic " + kafka.topic() + " no longer holds its whole history ("
                        + history.truncatedPartitions() + "): a rebuild would lose the deleted events. Restore "
                        + "the history, or pass " + ALLOW_FLAG + " to rebuild from what is left");
            }
            log.atWarn().addKeyValue("topic", kafka.topic()).addKeyValue("partitions", history.truncatedPartitions())
                    .log("rebuilding from a truncated history (" + ALLOW_FLAG + "): the deleted events are lost");
        }
        if (history.finiteRetention()) {
            log.atWarn().addKeyValue("topic", kafka.topic()).log("the topic's retention is finite: set "
                    + "retention.ms=-1 and retention.bytes=-1, or a later rebuild will miss the events the broker "
                    + "deletes; " + history.describe());
        }
        return history;
    }
}
