package io.storagehub.schema.codec;

import io.storagehub.schema.event.BlockRef;
import io.storagehub.schema.event.ChainEvent;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.Nullable;
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
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.List;

/**
 * Builds a sample of any event record by reflection, so a new event type gets samples with no test change; a
 * component type without a sample rule fails the build of samples (and so the round-trip test).
 */
final class Samples {
    /** TYPICAL: small values, every nullable set. EXTREME: maximum numbers, nulls, empty lists, non-ASCII text. */
    enum Variant { TYPICAL, EXTREME }

    private final Variant variant;
    private int counter;

    Samples(Variant variant) {
        this.variant = variant;
    }

    static Envelope envelope(ChainEvent event) {
        return new Envelope("storagehub-local", new BlockRef(42, hash(1), hash(2),
                Instant.parse("2024-05-01T12:00:00.250Z")), 3, event);
    }

    static Hash32 hash(int n) {
        return Hash32.of(String.format("0x%064x", n));
    }

    static AccountId account(int n) {
        return AccountId.of(String.format("0x%040x", n));
    }

    <T> T of(Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            boolean nullable = components[i].isAnnotationPresent(Nullable.class);
            args[i] = nullable && extreme() ? null : value(components[i].getGenericType());
        }
        try {
            return type.cast(type.getDeclaredConstructor(types).newInstance(args));
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("sample of " + type + " rejected: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object value(Type type) {
        int n = ++counter;
        String hex64 = extreme() ? "0x" + "f".repeat(62) + String.format("%02x", n) : String.format("0x%064x", n);
        if (type == long.class) {
            return extreme() ? WireTypes.U32_MAX : (long) n;
        } else if (type == boolean.class) {
            return extreme();
        } else if (type == String.class) {
            return extreme() ? "/dns/ñode-" + n + ".example/tcp/30333 ✓ 😀" : "peer-" + n;
        } else if (type == U64.class) {
            return extreme() ? new U64(U64.MAX) : U64.of(1000L * n);
        } else if (type == Balance.class) {
            return extreme() ? new Balance(Balance.MAX) : Balance.of(10L * n);
        } else if (type == Hash32.class) {
            return Hash32.of(hex64);
        } else if (type == ProviderId.class) {
            return ProviderId.of(hex64);
        } else if (type == BucketId.class) {
            return BucketId.of(hex64);
        } else if (type == FileKey.class) {
            return FileKey.of(hex64);
        } else if (type == ValuePropId.class) {
            return ValuePropId.of(hex64);
        } else if (type == AccountId.class) {
            return AccountId.of(String.format("0x%040x", n));
        } else if (type == Bytes.class) {
            return extreme() ? Bytes.of("0x") : Bytes.of("0xdeadbeef");
        } else if (type == Location.class) {
            return extreme() ? Location.of("d/".repeat(255) + "ñ") : Location.of("photos/2024/cat-" + n + ".jpg");
        } else if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            Type element = list.getActualTypeArguments()[0];
            return extreme() ? List.of() : List.of(value(element), value(element));
        } else if (type instanceof Class<?> record && record.isRecord()) {
            return of(record);
        }
        throw new IllegalStateException("no sample rule for component type " + type.getTypeName());
    }

    private boolean extreme() {
        return variant == Variant.EXTREME;
    }
}
