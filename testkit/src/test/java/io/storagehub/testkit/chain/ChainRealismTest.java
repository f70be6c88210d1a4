package io.storagehub.testkit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.schema.event.ChainEvent;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.FileSystemEvent.BspConfirmedStoring;
import io.storagehub.schema.event.FileSystemEvent.NewBucket;
import io.storagehub.schema.event.FileSystemEvent.NewStorageRequest;
import io.storagehub.schema.event.PaymentStreamsEvent.PaymentStreamCharged;
import io.storagehub.schema.event.ProvidersEvent.Slashed;
import io.storagehub.schema.value.FileKey;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The default chain exercises the edges the read model must survive. */
class ChainRealismTest {
    private static final BigInteger TWO_63 = BigInteger.ONE.shiftLeft(63);
    private static final BigInteger TWO_126 = BigInteger.ONE.shiftLeft(126);
    private static List<Envelope> events;

    @BeforeAll
    static void generate() {
        events = ChainGenerator.of("net-a", 1).take(20_000);
    }

    @Test
    void fileSizes_sometimesExceedASignedLong() {
        assertThat(requests().stream().filter(r -> r.size().value().compareTo(TWO_63) > 0)).isNotEmpty();
    }

    @Test
    void slashesAndCharges_sometimesComeCloseToTwoTo127() {
        assertThat(events.stream().map(Envelope::event).filter(e -> e instanceof Slashed)
                .map(e -> ((Slashed) e).amount().value()).filter(v -> v.compareTo(TWO_126) > 0)).isNotEmpty();
        assertThat(events.stream().map(Envelope::event).filter(e -> e instanceof PaymentStreamCharged)
                .map(e -> ((PaymentStreamCharged) e).amount().value()).filter(v -> v.compareTo(TWO_126) > 0))
                .isNotEmpty();
    }

    @Test
    void locations_areNestedFolderPaths_someNonAscii() {
        assertThat(requests().stream().map(r -> r.location().path())
                .filter(p -> p.chars().filter(c -> c == '/').count() >= 2)).isNotEmpty();
        assertThat(requests().stream().map(r -> r.location().path())
                .filter(p -> p.chars().anyMatch(c -> c > 127))).isNotEmpty();
        assertThat(requests().stream().map(r -> r.location().path()).filter(p -> !p.contains("/"))).isNotEmpty();
    }

    @Test
    void bspsConfirmInGroups_andSometimesSkipKeys() {
        List<BspConfirmedStoring> confirmations = of(BspConfirmedStoring.class);
        assertThat(confirmations.stream().filter(c -> c.confirmedFileKeys().size() >= 3)).isNotEmpty();
        assertThat(confirmations.stream().filter(c -> !c.skippedFileKeys().isEmpty())).isNotEmpty();
    }

    @Test
    void expiredKeys_areSometimesRequestedAgain() {
        Set<FileKey> seen = new HashSet<>();
        long again = requests().stream().filter(r -> !seen.add(r.fileKey())).count();
        assertThat(again).isPositive();
    }

    @Test
    void requests_useEveryReplicationTarget_andBucketsAreWithAndWithoutMsp() {
        assertThat(new TreeSet<>(requests().stream().map(NewStorageRequest::replicationTarget).toList()))
                .containsExactly(1L, 2L, 3L);
        assertThat(of(NewBucket.class).stream().filter(b -> b.mspId() == null)).isNotEmpty();
        assertThat(of(NewBucket.class).stream().filter(b -> b.valuePropId() != null)).isNotEmpty();
    }

    private static List<NewStorageRequest> requests() {
        return of(NewStorageRequest.class);
    }

    private static <T extends ChainEvent> List<T> of(Class<T> type) {
        return events.stream().map(Envelope::event).filter(type::isInstance).map(type::cast).toList();
    }
}
