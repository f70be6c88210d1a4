package io.storagehub.api.contract;

import static io.storagehub.testkit.chain.ChainScript.bucket;
import static io.storagehub.testkit.chain.ChainScript.provider;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storagehub.api.support.SseClient;
import io.storagehub.api.support.TestServer;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.event.ProvidersEvent;
import io.storagehub.schema.readmodel.ChangeFilter;
import io.storagehub.testkit.chain.ChainScript;
import io.storagehub.testkit.wait.Wait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /changes} as server-sent events: live from the head, resumed by {@code Last-Event-ID} or
 * {@code after} (replay then live, no gap, no repeat), filters, keep-alive, the subscriber limit and the
 * disconnection of a client that falls too far behind. Runs with {@link TestServer#STREAMS}.
 */
public interface ChangeStreamContract extends ChangesContract {
    Duration EVENT_WAIT = Duration.ofSeconds(10);
    ObjectMapper READ = new ObjectMapper();

    /** A fresh chain with two MSPs, a BSP and a bucket of MSP 1 with two files. */
    default ChainScript streamChain(String name) {
        ChainScript script = ChainScript.on(name + "-" + Long.toHexString(System.nanoTime()));
        script.mspSignUp(1, 1);
        script.mspSignUp(2, 2);
        script.bspSignUp(11);
        script.nextBlock();
        script.newBucket(1, 1, 1, 1);
        script.newStorageRequest(1, 1, 1, "a.txt", 10);
        script.newStorageRequest(2, 1, 1, "b.txt", 20);
        index(script.emitted());
        return script;
    }

    default String streamPath(ChainScript script) {
        return "/v1/chains/" + script.chain() + "/changes";
    }

    default SseClient subscribe(String target, String... headers) {
        Wait.until(EVENT_WAIT, "a free subscriber slot",
                () -> metric("storagehub_api_stream_subscribers") < TestServer.STREAMS.maxSubscribers());
        SseClient client = SseClient.open(http().port(), target, headers);
        assertThat(client.status()).as("%s", client.status() == 200 ? "" : client.body()).isEqualTo(200);
        assertThat(client.header("Content-Type")).startsWith("text/event-stream");
        return client;
    }

    /** What the stream must carry: the expected changes as (id, event, data) messages. */
    default List<SseClient.Event> expectedEvents(String chain, ChangeFilter filter, Position after) {
        List<SseClient.Event> events = new ArrayList<>();
        for (JsonNode change : expectedChanges(chain, filter, after)) {
            events.add(new SseClient.Event(ChangesContract.at(change),
                    change.get("pallet").asText() + "." + change.get("name").asText(), change.toString()));
        }
        return events;
    }

    /** Messages with their data parsed, so that they compare as JSON. */
    default List<List<Object>> comparable(List<SseClient.Event> events) {
        List<List<Object>> out = new ArrayList<>();
        for (SseClient.Event event : events) {
            try {
                out.add(List.of(event.id(), event.event(), READ.readTree(event.data())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    default Position position(String id) {
        String[] parts = id.split(":");
        return new Position(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }

    @Test
    default void aStream_withoutAfter_startsAtTheHead_andCarriesEveryNewChange() {
        // given
        ChainScript script = streamChain("sse-head");
        Position head = expected().chain(script.chain()).orElseThrow().lastPosition();
        try (SseClient client = subscribe(streamPath(script))) {
            // when
            script.nextBlock();
            List<Envelope> live = List.of(script.mspAccepted(1), script.bspConfirmed(11, 1, 2),
                    script.next(new ProvidersEvent.Slashed(provider(2), io.storagehub.schema.value.Balance.of(3))));
            index(live);

            // then: exactly the new changes, each once, as id / event / one data line
            List<SseClient.Event> got = client.next(3, EVENT_WAIT);
            assertThat(comparable(got))
                    .isEqualTo(comparable(expectedEvents(script.chain(), ChangeFilter.NONE, head)));
            assertThat(got.get(0).event()).isEqualTo("FileSystem.MspAcceptedStorageRequest");
            assertThat(got.get(2).event()).isEqualTo("Providers.Slashed");
            assertThat(Wait.within(Duration.ofMillis(300), () -> !client.drain().isEmpty())).isFalse();
        }
    }

    @Test
    default void aStream_resumedByLastEventId_replaysThenGoesLive_withoutGapOrRepeat() {
        // given: a client that saw the chain's changes up to the second one
        ChainScript script = streamChain("sse-resume");
        List<SseClient.Event> history = expectedEvents(script.chain(), ChangeFilter.NONE, Position.ORIGIN);
        String seen = history.get(1).id();

        try (SseClient client = subscribe(streamPath(script) + "?after=0:0", "Last-Event-ID: " + seen)) {
            // then: the rest of the history first (Last-Event-ID wins over after)
            List<SseClient.Event> replayed = client.next(history.size() - 2, EVENT_WAIT);
            assertThat(comparable(replayed)).isEqualTo(comparable(history.subList(2, history.size())));

            // when: more changes land, in two batches
            script.nextBlock();
            index(List.of(script.mspAccepted(1), script.mspAccepted(2)));
            script.nextBlock();
            index(List.of(script.fulfilled(1)));

            // then: they follow, once each
            List<SseClient.Event> live = client.next(3, EVENT_WAIT);
            assertThat(comparable(live)).isEqualTo(comparable(expectedEvents(script.chain(), ChangeFilter.NONE,
                    position(history.get(history.size() - 1).id()))));
            assertThat(Wait.within(Duration.ofMillis(300), () -> !client.drain().isEmpty())).isFalse();
        }
    }

    @Test
    default void aFilteredStream_fromAfter_carriesOnlyItsBucketsChanges() {
        // given: changes in bucket 1 and bucket 2
        ChainScript script = streamChain("sse-filter");
        script.newBucket(2, 2, 2, 2);
        script.newStorageRequest(3, 2, 2, "c.txt", 30);
        index(script.emitted().subList(script.emitted().size() - 2, script.emitted().size()));
        ChangeFilter inBucket1 = ChangesContract.filter(bucket(1), null, null, null, null);
        List<SseClient.Event> before = expectedEvents(script.chain(), inBucket1, Position.ORIGIN);
        assertThat(before).hasSize(3);

        try (SseClient client = subscribe(streamPath(script) + "?bucket=" + bucket(1) + "&after=" + before.get(0).id())) {
            assertThat(comparable(client.next(2, EVENT_WAIT))).isEqualTo(comparable(before.subList(1, 3)));

            // when: files of both buckets change
            script.nextBlock();
            index(List.of(script.mspAccepted(3), script.mspAccepted(2), script.fulfilled(3), script.fulfilled(2)));

            // then: only bucket 1's
            List<SseClient.Event> live = client.next(2, EVENT_WAIT);
            assertThat(comparable(live)).isEqualTo(comparable(expectedEvents(script.chain(), inBucket1,
                    position(before.get(2).id()))));
            assertThat(Wait.within(Duration.ofMillis(300), () -> !client.drain().isEmpty())).isFalse();
        }
    }

    @Test
    default void aQuietStream_sendsKeepAliveComments() {
        ChainScript script = streamChain("sse-quiet");
        try (SseClient client = subscribe(streamPath(script))) {
            Wait.until(Duration.ofSeconds(5), "three keep-alive comments", () -> client.comments() >= 3);
            assertThat(client.drain()).isEmpty();
        }
    }

    @Test
    default void subscribers_overTheLimit_are503_withRetryAfter() {
        ChainScript script = streamChain("sse-limit");
        Wait.until(EVENT_WAIT, "no subscriber", () -> metric("storagehub_api_stream_subscribers") == 0);
        List<SseClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < TestServer.STREAMS.maxSubscribers(); i++) {
                clients.add(subscribe(streamPath(script)));
            }
            try (SseClient refused = SseClient.open(http().port(), streamPath(script))) {
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.header("Retry-After")).isNotBlank();
                assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
                assertThat(refused.body()).contains("too-many-subscribers");
            }
            // a page of changes is not a subscriber
            assertThat(http().get(streamPath(script)).status()).isEqualTo(200);

            clients.remove(0).close();
            Wait.until(EVENT_WAIT, "a slot freed", () -> metric("storagehub_api_stream_subscribers")
                    < TestServer.STREAMS.maxSubscribers());
            clients.add(subscribe(streamPath(script)));
        } finally {
            clients.forEach(SseClient::close);
        }
    }

    @Test
    default void aClientThatFallsTooFarBehind_isDisconnected_andResumesWithLastEventId() {
        // given: a subscriber that reads nothing
        ChainScript script = streamChain("sse-slow");
        Position head = expected().chain(script.chain()).orElseThrow().lastPosition();
        double slowBefore = metric("storagehub_api_stream_disconnections_total{reason=\"slow\"}");
        Wait.until(EVENT_WAIT, "a free subscriber slot",
                () -> metric("storagehub_api_stream_subscribers") < TestServer.STREAMS.maxSubscribers());
        SseClient slow = SseClient.paused(http().port(), streamPath(script), 4096);
        assertThat(slow.status()).isEqualTo(200);

        // when: megabytes of changes land
        String address = "/dns/" + "x".repeat(8000);
        for (int batch = 0; batch < 20; batch++) {
            script.nextBlock();
            List<Envelope> events = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                events.add(script.next(new ProvidersEvent.MultiAddressAdded(provider(1), address + batch + "-" + i)));
                events.add(script.next(new ProvidersEvent.MultiAddressRemoved(provider(1), address + batch + "-" + i)));
            }
            index(events);
        }

        // then: it is disconnected; what it had received is a prefix of the changes, and it resumes from there
        Wait.until(Duration.ofSeconds(30), "the slow client disconnected",
                () -> metric("storagehub_api_stream_disconnections_total{reason=\"slow\"}") > slowBefore);
        slow.resume();
        assertThat(slow.awaitEnd(Duration.ofSeconds(30))).as("the stream ended").isTrue();
        List<SseClient.Event> all = expectedEvents(script.chain(), ChangeFilter.NONE, head);
        List<SseClient.Event> got = slow.drain();
        assertThat(got.size()).isLessThan(all.size());
        assertThat(comparable(got)).isEqualTo(comparable(all.subList(0, got.size())));
        String resumeAt = got.isEmpty() ? head.toString() : got.get(got.size() - 1).id();
        try (SseClient resumed = subscribe(streamPath(script), "Last-Event-ID: " + resumeAt)) {
            List<SseClient.Event> rest = resumed.next(all.size() - got.size(), EVENT_WAIT);
            assertThat(comparable(rest)).isEqualTo(comparable(all.subList(got.size(), all.size())));
        }
    }

    @Test
    default void aClientThatKeepsUp_receivesABurstTenTimesItsQueue_withoutBeingDisconnected() {
        // given
        ChainScript script = streamChain("sse-burst");
        Position head = expected().chain(script.chain()).orElseThrow().lastPosition();
        double slowBefore = metric("storagehub_api_stream_disconnections_total{reason=\"slow\"}");
        try (SseClient client = subscribe(streamPath(script))) {
            // when: ten queues' worth of changes land in one batch
            script.nextBlock();
            List<Envelope> burst = new ArrayList<>();
            for (int i = 0; i < TestServer.STREAMS.maxQueued() * 5; i++) {
                burst.add(script.next(new ProvidersEvent.MultiAddressAdded(provider(1), "/ip4/10.0.0." + i)));
                burst.add(script.next(new ProvidersEvent.MultiAddressRemoved(provider(1), "/ip4/10.0.0." + i)));
            }
            index(burst);

            // then: all of them arrive, in order, on the same stream
            List<SseClient.Event> got = client.next(burst.size(), EVENT_WAIT);
            assertThat(comparable(got)).isEqualTo(comparable(expectedEvents(script.chain(), ChangeFilter.NONE, head)));
            assertThat(client.ended()).isFalse();
            assertThat(metric("storagehub_api_stream_disconnections_total{reason=\"slow\"}")).isEqualTo(slowBefore);
        }
    }

    @Test
    default void streamMetrics_countMessagesSent() {
        double sentBefore = metric("storagehub_api_stream_messages_sent_total");
        ChainScript script = streamChain("sse-metrics");
        try (SseClient client = subscribe(streamPath(script) + "?after=0:0")) {
            client.next(3, EVENT_WAIT);
            assertThat(metric("storagehub_api_stream_messages_sent_total")).isGreaterThanOrEqualTo(sentBefore + 3);
            assertThat(metric("storagehub_api_stream_subscribers")).isGreaterThanOrEqualTo(1);
        }
        // a stream's duration is timed apart from the route's pages
        Wait.until(EVENT_WAIT, "the stream timed as one", () -> http().get("/metrics").body()
                .contains("route=\"/v1/chains/{chain}/changes (event stream)\",status=\"200\""));
    }

    /** A sample from the metrics endpoint ({@code name} with its labels), or 0 when absent. */
    default double metric(String name) {
        for (String line : http().get("/metrics").body().split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1));
            }
        }
        return 0;
    }
}
