package io.storagehub.reliability.poison;

import io.storagehub.schema.event.DefaultsTo;
import io.storagehub.schema.event.Nullable;
import io.storagehub.schema.event.WireName;
import io.storagehub.schema.value.U64;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The wire fields of an event's {@code data}, read from the event record's components as the contract names
 * them ({@code WireName}), nested records included ({@code valueProp.id}), with what the contract says of each:
 * optional with a default, nullable, and its JSON kind.
 */
record DataFields(String path, Kind kind, boolean optional, boolean nullable) {

    /** The JSON shape of a field: numbers are u32/u64 integers, text covers ids, u128 strings and locations. */
    enum Kind { NUMBER, TEXT, BOOLEAN, LIST, OBJECT }

    static List<DataFields> of(Class<?> record) {
        List<DataFields> fields = new ArrayList<>();
        collect(record, "", fields);
        return fields;
    }

    private static void collect(Class<?> record, String prefix, List<DataFields> into) {
        for (RecordComponent component : record.getRecordComponents()) {
            WireName wireName = component.getAnnotation(WireName.class);
            String path = prefix + (wireName != null ? wireName.value() : component.getName());
            Type type = component.getGenericType();
            Kind kind = kind(type);
            into.add(new DataFields(path, kind, component.isAnnotationPresent(DefaultsTo.class),
                    component.isAnnotationPresent(Nullable.class)));
            if (kind == Kind.OBJECT) {
                collect((Class<?>) type, path + ".", into);
            }
        }
    }

    private static Kind kind(Type type) {
        if (type == long.class || Objects.equals(type, U64.class)) {
            return Kind.NUMBER;
        }
        if (type == boolean.class) {
            return Kind.BOOLEAN;
        }
        if (type instanceof ParameterizedType) {
            return Kind.LIST;
        }
        if (type instanceof Class<?> c && c.isRecord() && !c.getPackageName().endsWith(".value")) {
            return Kind.OBJECT;
        }
        return Kind.TEXT;
    }

    /** A JSON literal of the wrong kind for this field. */
    String wrongKindLiteral() {
        switch (kind) {
            case NUMBER: return "\"12345\"";
            case BOOLEAN: return "\"true\"";
            case LIST: return "{\"0\":1}";
            case OBJECT: return "\"x\"";
            default: return "12345";
        }
    }
}
