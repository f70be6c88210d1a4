package io.storagehub.schema.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.Balance;
import io.storagehub.schema.value.BucketId;
import io.storagehub.schema.value.Bytes;
import io.storagehub.schema.value.FileKey;
import io.storagehub.schema.value.Hash32;
import io.storagehub.schema.value.Location;
import io.storagehub.schema.value.ProviderId;
import io.storagehub.schema.value.U64;
import io.storagehub.schema.value.ValuePropId;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The wire type of each Java type a record component may have (see {@link io.storagehub.schema.event.ChainEvent}). */
final class WireTypes {
    static final long U32_MAX = 0xFFFF_FFFFL;
    static final WireType U32 = new NumberTypes.Unsigned("u32", BigInteger.valueOf(U32_MAX), "4294967295");
    static final WireType HEX32 = new TextTypes.TextValue<>("hex32", Hash32::new, Hash32::hex);
    static final WireType TEXT = new TextTypes.Text(Integer.MAX_VALUE);

    private static final Map<Type, WireType> SCALARS = Map.ofEntries(
            Map.entry(long.class, U32),
            Map.entry(boolean.class, new Bool()),
            Map.entry(String.class, TEXT),
            Map.entry(U64.class, new NumberTypes.Unsigned("u64", U64.MAX, "2^64-1")),
            Map.entry(Balance.class, new NumberTypes.U128()),
            Map.entry(Hash32.class, HEX32),
            Map.entry(AccountId.class, new TextTypes.TextValue<>("account", AccountId::new, AccountId::hex)),
            Map.entry(ProviderId.class, new TextTypes.TextValue<>("provider id", ProviderId::new, ProviderId::hex)),
            Map.entry(BucketId.class, new TextTypes.TextValue<>("bucket id", BucketId::new, BucketId::hex)),
            Map.entry(FileKey.class, new TextTypes.TextValue<>("file key", FileKey::new, FileKey::hex)),
            Map.entry(ValuePropId.class,
                    new TextTypes.TextValue<>("value proposition id", ValuePropId::new, ValuePropId::hex)),
            Map.entry(Bytes.class, new TextTypes.TextValue<>("bytes", Bytes::new, Bytes::hex)),
            Map.entry(Location.class, new TextTypes.TextValue<>("location", Location::new, Location::path)));

    private WireTypes() {
    }

    /** The wire type of a component's generic type; fails fast for a type the contract has no encoding for. */
    static WireType of(Type type) {
        WireType scalar = SCALARS.get(type);
        if (scalar != null) {
            return scalar;
        }
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            return new ListOf(of(list.getActualTypeArguments()[0]));
        }
        if (type instanceof Class<?> record && record.isRecord()) {
            return RecordShape.of(record);
        }
        throw new IllegalStateException("the event contract has no wire encoding for " + type.getTypeName());
    }

    /** A UTF-8 string of at most {@code maxBytes} bytes. */
    static WireType text(int maxBytes) {
        return new TextTypes.Text(maxBytes);
    }

    /** The node's text; {@code subject} is the type name and a space ("account "), or empty for plain strings. */
    private static final class Bool implements WireType {
        @Override
        public Object read(JsonParser p, String path) throws IOException, FieldError {
            JsonToken token = p.currentToken();
            if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
                throw Tokens.mismatch(path, "must be a JSON boolean", p);
            }
            return token == JsonToken.VALUE_TRUE;
        }

        @Override
        public void write(JsonGenerator out, Object value, String path) throws IOException {
            out.writeBoolean((Boolean) value);
        }
    }

    private record ListOf(WireType element) implements WireType {
        /** Reads every element; the first failing one is reported once the array has been consumed. */
        @Override
        public Object read(JsonParser p, String path) throws IOException, FieldError {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw Tokens.mismatch(path, "must be a JSON array", p);
            }
            List<Object> values = new ArrayList<>();
            FieldError first = null;
            for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                if (first != null) {
                    p.skipChildren();
                    continue;
                }
                try {
                    values.add(element.read(p, path + "[" + i + "]"));
                } catch (FieldError e) {
                    first = e;
                }
            }
            if (first != null) {
                throw first;
            }
            return values;
        }

        @Override
        public void write(JsonGenerator out, Object value, String path) throws IOException {
            List<?> values = (List<?>) value;
            out.writeStartArray();
            for (int i = 0; i < values.size(); i++) {
                Object item = values.get(i);
                if (item == null) {
                    throw new IllegalArgumentException(path + "[" + i + "] must not be null");
                }
                element.write(out, item, path + "[" + i + "]");
            }
            out.writeEndArray();
        }
    }
}
