package io.storagehub.schema.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.schema.event.ChainEvent;
import io.storagehub.schema.event.FileSystemEvent;
import io.storagehub.schema.event.NotProjected;
import io.storagehub.schema.event.PaymentStreamsEvent;
import io.storagehub.schema.event.ProvidersEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTypesTest {

    @Test
    void projected_holdsEveryEventRecordOfTheThreePalletFamilies() {
        // given
        List<Class<?>> expected = new ArrayList<>();
        for (Class<?> family : List.of(ProvidersEvent.class, FileSystemEvent.class, PaymentStreamsEvent.class)) {
            expected.addAll(Arrays.asList(family.getPermittedSubclasses()));
        }

        // when
        List<Class<?>> projected = new ArrayList<>(EventTypes.projected());

        // then
        assertThat(projected).containsExactlyElementsOf(expected).hasSize(12 + 15 + 7)
                .doesNotContain(NotProjected.class);
    }

    @Test
    void lookup_findsEachProjectedType_byPalletAndSimpleName() {
        assertThat(EventTypes.lookup("Providers", "MspSignUpSuccess"))
                .contains(ProvidersEvent.MspSignUpSuccess.class);
        assertThat(EventTypes.lookup("FileSystem", "NewBucket")).contains(FileSystemEvent.NewBucket.class);
        assertThat(EventTypes.lookup("PaymentStreams", "PaymentStreamCharged"))
                .contains(PaymentStreamsEvent.PaymentStreamCharged.class);
    }

    @Test
    void lookup_isEmpty_forPairsNotProjected() {
        assertThat(EventTypes.lookup("Balances", "Transfer")).isEmpty();
        assertThat(EventTypes.lookup("Providers", "ValuePropTerms")).isEmpty();
        assertThat(EventTypes.lookup("FileSystem", "MspSignUpSuccess")).isEmpty();
        assertThat(EventTypes.lookup("filesystem", "NewBucket")).isEmpty();
    }

    /** Regression: NewBucket's bucket name component was called {@code name} and overrode the event name. */
    @Test
    void everySample_reportsItsWirePalletAndName() {
        for (Class<? extends ChainEvent> type : EventTypes.projected()) {
            // given
            ChainEvent event = new Samples(Samples.Variant.TYPICAL).of(type);

            // then
            assertThat(EventTypes.lookup(event.pallet(), event.name())).as(type.getName()).contains(type);
        }
    }
}
