package io.storagehub.api.changes;

import io.storagehub.api.http.Json;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.readmodel.ChangeView;
import java.nio.charset.StandardCharsets;

/** A change as one server-sent event: {@code id: {block}:{index}}, {@code event: {pallet}.{name}}, one data line. */
record FeedMessage(Position position, byte[] bytes) {

    static FeedMessage of(ChangeView change) {
        String text = "id: " + change.position() + "\nevent: " + change.pallet() + "." + change.name() + "\ndata: "
                + Json.oneLine(change) + "\n\n";
        return new FeedMessage(change.position(), text.getBytes(StandardCharsets.UTF_8));
    }
}
