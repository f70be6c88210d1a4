package io.storagehub.bench.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

    @Test
    void messages_endAtBlankLines_commentsAreCounted_andDataLinesJoin() {
        // given
        SseParser parser = new SseParser();
        List<SseParser.Message> messages = new ArrayList<>();

        // when
        for (String line : List.of(": keep-alive", "", "id: 12:3", "event: FileSystem.NewBucket", "data: {\"a\":1}",
                "", "id:12:4", "data: one", "data:two", "retry: 5", "", "")) {
            parser.line(line).ifPresent(messages::add);
        }

        // then
        assertThat(messages).containsExactly(
                new SseParser.Message("12:3", "FileSystem.NewBucket", "{\"a\":1}"),
                new SseParser.Message("12:4", null, "one\ntwo"));
        assertThat(parser.comments()).isEqualTo(1);
    }
}
