package io.storagehub.api.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import io.storagehub.schema.readmodel.BucketView;
import io.storagehub.schema.readmodel.FileView;
import io.storagehub.schema.readmodel.MspDetail;
import io.storagehub.schema.readmodel.MspView;

/**
 * The API's JSON: view records in camelCase with every field; ids, hashes and u128 amounts as strings, sizes
 * as integers, times as ISO-8601. Three shapes differ from the records: a bucket's {@code isPrivate} is
 * {@code private}, a file adds {@code fullyReplicated}, and an MSP's detail is the MSP's fields plus
 * {@code valueProps}.
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
                .addMixIn(MspDetail.class, MspDetailShape.class);
    }

    public static void write(Context ctx, Object body) {
        try {
            ctx.contentType(CONTENT_TYPE).result(MAPPER.writeValueAsBytes(body));
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

    abstract static class MspDetailShape {
        @JsonUnwrapped
        abstract MspView msp();
    }
}
