package io.storagehub.api.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import io.storagehub.schema.readmodel.BucketView;
import io.storagehub.schema.readmodel.ChangeView;
import io.storagehub.schema.readmodel.EntityKind;
import io.storagehub.schema.readmodel.FileView;
import io.storagehub.schema.readmodel.MspDetail;
import io.storagehub.schema.readmodel.MspView;

/**
 * The API's JSON: view records in camelCase with every field; ids, hashes and u128 amounts as strings, sizes
 * as integers, times as ISO-8601. Some shapes differ from the records: a bucket's {@code isPrivate} is
 * {@code private}, a file adds {@code fullyReplicated}, an MSP's detail is the MSP's fields plus
 * {@code valueProps}, a change's {@code dataJson} is embedded as the JSON object {@code data}, and an entity kind
 * is its API name ({@code valueProp}, ...).
 */
public final class Json {
    public static final String CONTENT_TYPE = "application/json";
    static final ObjectMapper MAPPER = mapper();

    private Json() {
    }

    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .addMixIn(BucketView.class, BucketShape.class)
                .addMixIn(FileView.class, FileShape.class)
                .addMixIn(MspDetail.class, MspDetailShape.class)
                .addMixIn(ChangeView.class, ChangeShape.class)
                .addMixIn(EntityKind.class, EntityKindShape.class);
    }

    public static void write(Context ctx, Object body) {
        try {
            ctx.contentType(CONTENT_TYPE).result(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answer did not serialize", e);
        }
    }

    /**
     * The body as JSON on one line (a server-sent event's {@code data:}): line breaks can only sit between tokens of
     * an embedded raw value (never inside a JSON string, where they are escaped), so they become spaces.
     */
    public static String oneLine(Object body) {
        try {
            String json = MAPPER.writeValueAsString(body);
            return json.indexOf('\n') < 0 && json.indexOf('\r') < 0 ? json : json.replace('\n', ' ').replace('\r', ' ');
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answer did not serialize", e);
        }
    }

    abstract static class BucketShape {
        @JsonProperty("private")
        abstract boolean isPrivate();
    }

    abstract static class FileShape {
        @JsonProperty("fullyReplicated")
        abstract boolean fullyReplicated();
    }

    @JsonPropertyOrder({"position", "blockHash", "blockTime", "pallet", "name", "data", "entities"})
    abstract static class ChangeShape {
        @JsonProperty("data")
        @JsonRawValue
        abstract String dataJson();
    }

    abstract static class EntityKindShape {
        @JsonValue
        abstract String apiName();
    }

    abstract static class MspDetailShape {
        @JsonUnwrapped
        abstract MspView msp();
    }
}
