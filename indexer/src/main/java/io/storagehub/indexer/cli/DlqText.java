package io.storagehub.indexer.cli;

import io.storagehub.indexer.deadletter.DeadLetter;
import io.storagehub.indexer.deadletter.DlqEntry;
import java.io.PrintWriter;
import java.util.List;

/** The text output of {@code dlq list} and {@code dlq show}. */
final class DlqText {
    private static final int REASON_WIDTH = 100;

    private DlqText() {
    }

    static void list(PrintWriter out, String dlqTopic, long matched, List<DlqEntry> entries) {
        out.printf("%d dead letters match in %s (and its outbox); %s%n", matched, dlqTopic,
                entries.size() < matched ? "the newest " + entries.size() + ", oldest first" : "oldest first");
        if (entries.isEmpty()) {
            out.flush();
            return;
        }
        out.printf("%-9s %-24s %-16s %-14s %-28s %s%n", "id", "time", "chain", "position", "source", "reason");
        boolean pending = false;
        for (DlqEntry e : entries) {
            DeadLetter l = e.letter();
            pending |= !e.published();
            out.printf("%-9s %-24s %-16s %-14s %-28s %s%n", id(e) + (e.published() ? "" : "*"), e.time(),
                    l.chain().orElse("-"), l.position().map(Object::toString).orElse("-"), source(l),
                    shorten(l.reasonKind() + ": " + Payload.escape(l.reason())));
        }
        if (pending) {
            out.println("* pending: in the outbox, not yet published to " + dlqTopic);
        }
        out.flush();
    }

    static void show(PrintWriter out, String dlqTopic, DlqEntry e) {
        DeadLetter l = e.letter();
        out.println("dead letter " + id(e));
        out.println("  state     " + e.dlq().map(d -> "published to " + dlqTopic + " partition " + d.partition()
                + " offset " + d.offset()).orElse("pending (in the outbox, not yet published)"));
        out.println("  time      " + e.time());
        out.println("  chain     " + l.chain().orElse("-"));
        out.println("  position  " + l.position().map(p -> "block " + p.block() + ", index " + p.index())
                .orElse("- (the envelope could not be read)"));
        out.println("  source    " + l.topic() + " partition " + l.partition() + " offset " + l.offset());
        out.println("  reason    " + l.reasonKind());
        out.println("  detail    " + Payload.escape(l.reason()));
        Payload key = Payload.of(l.key());
        out.println("  key       " + key.render() + " (" + key.format() + ", " + key.bytes() + " bytes)");
        Payload value = Payload.of(l.value());
        out.println("  payload   (" + value.format() + ", " + value.bytes() + " bytes)");
        value.render().lines().forEach(line -> out.println("    " + line));
        out.flush();
    }

    private static String id(DlqEntry e) {
        return e.id().isPresent() ? Long.toString(e.id().getAsLong()) : "-";
    }

    private static String source(DeadLetter l) {
        return l.topic() + "/" + l.partition() + "@" + l.offset();
    }

    private static String shorten(String text) {
        return text.length() <= REASON_WIDTH ? text : text.substring(0, REASON_WIDTH - 3) + "...";
    }
}
