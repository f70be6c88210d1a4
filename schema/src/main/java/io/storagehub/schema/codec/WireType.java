package io.storagehub.schema.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/** How one Java type of a record component looks on the wire: read strictly, written exactly. */
interface WireType {

    /**
     * Reads the value at the parser's current token (possibly JSON null, which is then an error), consuming all of it
     * even when it fails, so that the parse can go on. {@code path} names it in messages.
     */
    Object read(JsonParser p, String path) throws IOException, FieldError;

    /** Writes a non-null value; throws IllegalArgumentException, naming {@code path}, if it cannot be encoded. */
    void write(JsonGenerator out, Object value, String path) throws IOException;
}
