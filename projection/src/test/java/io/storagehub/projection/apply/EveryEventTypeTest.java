package io.storagehub.projection.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.projection.Batch;
import io.storagehub.projection.BatchResult;
import io.storagehub.projection.Outcome;
import io.storagehub.projection.memory.InMemoryProjection;
import io.storagehub.projection.memory.InMemoryStore;
import io.storagehub.schema.event.ChainEvent;
import io.storagehub.schema.event.NotProjected;
import io.storagehub.testkit.chain.ChainScript;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Walks every permitted event type of the sealed event families and proves each one is either projected (the
 * applier has an effect for it) or deliberately skipped ({@link NotProjected}). A new event record without an
 * effect makes this test fail.
 */
class EveryEventTypeTest {

    @Test
    void everyPermittedEventType_isProjectedOrDeliberatelySkipped() throws Exception {
        List<Class<?>> types = leaves(ChainEvent.class);
        assertThat(types).hasSizeGreaterThanOrEqualTo(35);
        for (Class<?> type : types) {
            ChainEvent sample = (ChainEvent) sample(type);
            ChainScript chain = ChainScript.on("every-type");

            BatchResult result = new InMemoryProjection(new InMemoryStore()).apply(Batch.of(List.of(
                    chain.next(sample))));

            Outcome.Kind expected = sample instanceof NotProjected
                    ? Outcome.Kind.SKIPPED_NOT_PROJECTED : Outcome.Kind.REJECTED;
            // on an empty read model every projected event references something unknown, except sign-ups and
            // bucket creation without an MSP, which apply
            assertThat(result.outcomes()).as(type.getName()).singleElement().satisfies(o -> {
                if (o.kind() == Outcome.Kind.APPLIED) {
                    assertThat(type.getSimpleName()).isIn("MspSignUpSuccess", "BspSignUpSuccess", "NewBucket");
                } else {
                    assertThat(o.kind()).isEqualTo(expected);
                }
            });
        }
    }

    private static List<Class<?>> leaves(Class<?> sealed) {
        List<Class<?>> result = new ArrayList<>();
        for (Class<?> sub : sealed.getPermittedSubclasses()) {
            if (sub.isSealed()) {
                result.addAll(leaves(sub));
            } else {
                result.add(sub);
            }
        }
        return result;
    }

    private static Object sample(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i]);
        }
        Constructor<?> ctor = type.getDeclaredConstructor(types);
        return ctor.newInstance(values);
    }

    private static Object value(RecordComponent c) throws Exception {
        Class<?> t = c.getType();
        String name = c.getName();
        if (t == long.class) {
            return 1L;
        }
        if (t == boolean.class) {
            return false;
        }
        if (t == String.class) {
            return name.equals("dataJson") ? "{}" : name.equals("pallet") ? "Balances" : "x";
        }
        if (t == List.class) {
            return name.toLowerCase().contains("filekeys") ? List.of(ChainScript.file(1)) : List.of("x");
        }
        if (t.isRecord() && t.getPackageName().startsWith("io.storagehub.schema.event")) {
            return sample(t);
        }
        return switch (t.getSimpleName()) {
            case "AccountId" -> ChainScript.account(1);
            case "ProviderId" -> ChainScript.provider(1);
            case "BucketId" -> ChainScript.bucket(1);
            case "FileKey" -> ChainScript.file(1);
            case "ValuePropId" -> ChainScript.valueProp(1);
            case "Hash32" -> ChainScript.hash(1);
            case "Location" -> io.storagehub.schema.value.Location.of("a/b");
            case "Bytes" -> io.storagehub.schema.value.Bytes.of("0x00");
            case "U64" -> new io.storagehub.schema.value.U64(BigInteger.ONE);
            case "Balance" -> io.storagehub.schema.value.Balance.of(1);
            default -> throw new AssertionError("no sample for " + t + " in " + c);
        };
    }
}
