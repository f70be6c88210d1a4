package io.storagehub.reliability.poison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.storagehub.projection.Batch;
import io.storagehub.projection.Outcome;
import io.storagehub.projection.memory.InMemoryProjection;
import io.storagehub.projection.memory.InMemoryStore;
import io.storagehub.schema.codec.DecodeError;
import io.storagehub.schema.codec.DecodeException;
import io.storagehub.schema.codec.EventDecoder;
import io.storagehub.schema.codec.EventTypes;
import io.storagehub.schema.event.ChainEvent;
import io.storagehub.schema.event.Envelope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The committed poison corpus is what its generator writes, covers every kind of invalid input of the contract,
 * and each record is what it claims to be for the contract's decoder and the in-memory reference projection.
 */
class PoisonCorpusTest {
    private final List<CorpusRecord> corpus = PoisonCorpus.load();

    @Test
    void committedCorpus_isWhatTheGeneratorWrites() throws Exception {
        // given
        List<CorpusRecord> generated = PoisonCorpus.generate();
        if (Boolean.getBoolean("reliability.corpus.write")) {
            PoisonCorpus.write(PoisonCorpus.SOURCE, generated);
        }
        // when
        String committed = Files.readString(PoisonCorpus.SOURCE, StandardCharsets.UTF_8);
        // then
        assertThat(committed).as("regenerate with reliability/run.sh --write-corpus")
                .isEqualTo(PoisonCorpus.render(generated));
    }

    @Test
    void corpus_coversEveryDecodeErrorRejectReasonAndProjectedField() {
        Set<String> expectations = corpus.stream().map(CorpusRecord::expect).collect(Collectors.toSet());
        assertThat(expectations).containsAll(Arrays.stream(DecodeError.values()).map(Enum::name).toList())
                .containsAll(Arrays.stream(Outcome.RejectReason.values()).map(Enum::name).toList())
                .contains(CorpusRecord.APPLIED, CorpusRecord.NOT_PROJECTED, CorpusRecord.DUPLICATE);
        Set<String> cases = corpus.stream().map(CorpusRecord::caseName).collect(Collectors.toSet());
        assertThat(cases).as("case names are unique").hasSize(corpus.size());
        for (Class<? extends ChainEvent> type : EventTypes.projected()) {
            String prefix = "data/" + palletOf(type) + "." + type.getSimpleName() + "/";
            for (DataFields field : DataFields.of(type)) {
                assertThat(cases).as("%s%s", prefix, field.path()).contains(prefix + field.path() + "/wrong-kind");
                if (!field.optional()) {
                    assertThat(cases).contains(prefix + field.path() + "/missing");
                }
            }
        }
        for (String kind : List.of("envelope/", "version/", "key/", "json/", "bytes/", "object/",
                "data/u64-out-of-range", "data/u128-out-of-range", "data/u32-out-of-range", "data/bad-hex",
                "data/bad-account", "data/location-too-long", "reject/", "conflict/", "duplicate/", "edge/")) {
            assertThat(cases).as(kind).anyMatch(c -> c.startsWith(kind));
        }
    }

    @Test
    void everyRecord_decodesAsItsExpectationSays() {
        EventDecoder decoder = new EventDecoder();
        List<String> wrong = new ArrayList<>();
        Set<String> decodeErrors = new HashSet<>(Arrays.stream(DecodeError.values()).map(Enum::name).toList());
        for (CorpusRecord record : corpus) {
            String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
            try {
                decoder.decode(key, record.value());
                if (decodeErrors.contains(record.expect())) {
                    wrong.add(record + ": decoded");
                }
            } catch (DecodeException e) {
                if (!e.kind().name().equals(record.expect())) {
                    wrong.add(record + ": " + e.kind() + " " + e.getMessage());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void decodableRecords_haveTheirExpectedOutcome_inTheReferenceProjection() throws DecodeException {
        // given: the records that decode, in corpus order
        EventDecoder decoder = new EventDecoder();
        List<Envelope> events = new ArrayList<>();
        List<CorpusRecord> records = new ArrayList<>();
        for (CorpusRecord record : corpus) {
            if (!Arrays.stream(DecodeError.values()).map(Enum::name).toList().contains(record.expect())) {
                events.add(decoder.decode(new String(record.key(), StandardCharsets.UTF_8), record.value()));
                records.add(record);
            }
        }
        // when
        List<Outcome> outcomes = new InMemoryProjection(new InMemoryStore()).apply(Batch.of(events)).outcomes();
        // then
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            String actual = describe(outcomes.get(i));
            if (!actual.equals(records.get(i).expect())) {
                wrong.add(records.get(i) + ": " + actual + " " + outcomes.get(i).detail());
            }
        }
        assertThat(wrong).isEmpty();
        if (outcomes.size() != records.size()) {
            fail("one outcome per event expected");
        }
    }

    static String describe(Outcome outcome) {
        switch (outcome.kind()) {
            case APPLIED: return CorpusRecord.APPLIED;
            case SKIPPED_NOT_PROJECTED: return CorpusRecord.NOT_PROJECTED;
            case SKIPPED_DUPLICATE: return CorpusRecord.DUPLICATE;
            default: return outcome.reason().name();
        }
    }

    private static String palletOf(Class<?> type) {
        for (Class<?> family : type.getInterfaces()) {
            try {
                return (String) family.getField("PALLET").get(null);
            } catch (ReflectiveOperationException e) {
                // not the pallet family
            }
        }
        throw new IllegalStateException("no pallet for " + type);
    }
}
