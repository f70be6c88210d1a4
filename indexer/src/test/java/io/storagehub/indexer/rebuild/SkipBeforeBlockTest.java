package io.storagehub.indexer.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storagehub.indexer.consumer.Decoded;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.NotProjected;
import io.storagehub.testkit.chain.ChainScript;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SkipBeforeBlockTest {

    @Test
    void eventsBelowTheBlock_passAsNotProjected_atTheirPosition() {
        // given
        ChainScript chain = ChainScript.on("alpha");
        Envelope early = chain.mspSignUp(1, 1);
        Envelope late = chain.nextBlock().nextBlock().bspSignUp(2);
        SkipBeforeBlock decoder = new SkipBeforeBlock((key, value) -> new Decoded.Event(
                value[0] == 1 ? early : late), late.block().number());
        // when
        Decoded skipped = decoder.decode("alpha", new byte[] {1});
        Decoded kept = decoder.decode("alpha", new byte[] {2});
        // then
        Envelope skippedEvent = ((Decoded.Event) skipped).envelope();
        assertThat(skippedEvent.event()).isInstanceOf(NotProjected.class);
        assertThat(skippedEvent.position()).isEqualTo(early.position());
        assertThat(((Decoded.Event) kept).envelope()).isEqualTo(late);
    }

    @Test
    void poison_isLeftAlone() {
        Decoded poison = new Decoded.Poison("NOT_JSON", "x", Optional.empty(), Optional.empty());
        assertThat(new SkipBeforeBlock((key, value) -> poison, 10).decode("alpha", new byte[0])).isSameAs(poison);
    }

    @Test
    void schemaNames_areQuoted_onlyWhenTheyAreIdentifiers() {
        assertThat(SchemaSwitch.quoted("storagehub_rebuild_20260101000000")).isEqualTo(
                "\"storagehub_rebuild_20260101000000\"");
        assertThatThrownBy(() -> SchemaSwitch.quoted("x\"; DROP SCHEMA y; --"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
