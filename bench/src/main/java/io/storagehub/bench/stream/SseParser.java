package io.storagehub.bench.stream;

import java.util.Optional;

/**
 * The WHATWG server-sent events format, line by line: {@code field: value} lines (one optional space after the
 * colon), comment lines starting with a colon, and a blank line that ends a message. Only what a change stream
 * uses is kept: {@code id}, {@code event} and the {@code data} lines (joined with line feeds).
 */
final class SseParser {
    /** One dispatched message; {@code id} is null when the message had none. */
    record Message(String id, String event, String data) {
    }

    private String id;
    private String event;
    private StringBuilder data;
    private long comments;

    /** Feeds one line (without its line break); a blank line dispatches the message, if any field was seen. */
    Optional<Message> line(String line) {
        if (line.isEmpty()) {
            if (data == null && id == null && event == null) {
                return Optional.empty();
            }
            Message message = new Message(id, event, data == null ? "" : data.toString());
            id = null;
            event = null;
            data = null;
            return Optional.of(message);
        }
        if (line.charAt(0) == ':') {
            comments++;
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "id" -> id = value;
            case "event" -> event = value;
            case "data" -> {
                if (data == null) {
                    data = new StringBuilder(value);
                } else {
                    data.append('\n').append(value);
                }
            }
            default -> {
                // retry and unknown fields are ignored, as the format says
            }
        }
        return Optional.empty();
    }

    /** Comment lines seen (the server's keep-alives). */
    long comments() {
        return comments;
    }
}
