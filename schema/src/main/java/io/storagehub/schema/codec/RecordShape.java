package io.storagehub.schema.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.storagehub.schema.event.DefaultsTo;
import io.storagehub.schema.event.Nullable;
import io.storagehub.schema.event.WireName;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes a record as a JSON object, one field per record component (in component order), by
 * reflection once per class. Unknown extra JSON fields are ignored.
 */
final class RecordShape implements WireType {
    private static final ClassValue<RecordShape> CACHE = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return new RecordShape(type);
        }
    };

    private final Class<?> type;
    private final List<Field> fields = new ArrayList<>();
    private final Constructor<?> constructor;
    private final Map<String, Integer> byWireName = new HashMap<>();

    private record Field(String wireName, Method accessor, WireType type, boolean nullable, Long absentValue,
                         Paths paths) {
        /** {@code parent.wireName}. */
        String path(String parent) {
            return paths.of(parent, wireName);
        }
    }

    /**
     * A field's last path: records are read under the same parent path ("data") again and again, so the path is
     * made once per parent in a row (threads racing here each make an equal path; a {@link Last} is immutable, so a
     * plain field is enough).
     */
    private static final class Paths {
        private Last last;

        String of(String parent, String wireName) {
            Last seen = last;
            if (seen != null && seen.parent().equals(parent)) {
                return seen.path();
            }
            String path = parent + "." + wireName;
            last = new Last(parent, path);
            return path;
        }

        private record Last(String parent, String path) {
        }
    }

    private RecordShape(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            parameterTypes[i] = component.getType();
            WireName wireName = component.getAnnotation(WireName.class);
            DefaultsTo defaultsTo = component.getAnnotation(DefaultsTo.class);
            if (defaultsTo != null && component.getType() != long.class) {
                throw new IllegalStateException("@DefaultsTo is for u32 (long) components: " + component);
            }
            Method accessor = component.getAccessor();
            // checked once here rather than on every call (the check's one-entry cache misses across record types)
            accessor.setAccessible(true);
            fields.add(new Field(wireName != null ? wireName.value() : component.getName(), accessor,
                    FieldRules.typeOf(component), component.isAnnotationPresent(Nullable.class),
                    defaultsTo != null ? defaultsTo.value() : null, new Paths()));
        }
        for (int i = 0; i < fields.size(); i++) {
            byWireName.put(fields.get(i).wireName(), i);
        }
        try {
            this.constructor = type.getDeclaredConstructor(parameterTypes);
            this.constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("a record always has a canonical constructor: " + type, e);
        }
    }

    static RecordShape of(Class<?> type) {
        return CACHE.get(type);
    }

    /**
     * Reads the object's fields in wire order, then judges them in component order (a missing field or the field's
     * own error, the first one wins), as {@link #read(JsonNode, String)} does.
     */
    @Override
    public Object read(JsonParser p, String path) throws IOException, FieldError {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw Tokens.mismatch(path, "must be a JSON object", p);
        }
        Object[] args = new Object[fields.size()];
        boolean[] present = new boolean[args.length];
        FieldError[] errors = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            Integer index = byWireName.get(p.currentName());
            JsonToken token = p.nextToken();
            if (index == null) {
                p.skipChildren();
                continue;
            }
            Field field = fields.get(index);
            present[index] = true;
            if (token == JsonToken.VALUE_NULL && field.nullable()) {
                args[index] = null;
                continue;
            }
            try {
                args[index] = field.type().read(p, field.path(path));
            } catch (FieldError e) {
                errors = errors == null ? new FieldError[args.length] : errors;
                errors[index] = e;
            }
        }
        for (int i = 0; i < args.length; i++) {
            Field field = fields.get(i);
            if (!present[i]) {
                if (field.absentValue() == null) {
                    String fieldPath = field.path(path);
                    throw field.nullable() ? FieldError.missingNullable(fieldPath) : FieldError.missing(fieldPath);
                }
                args[i] = field.absentValue();
            } else if (errors != null && errors[i] != null) {
                throw errors[i];
            }
        }
        return construct(args, path);
    }

    private Object construct(Object[] args, String path) throws FieldError {
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException invalid) {
                throw FieldError.invalid(path + ": " + invalid.getMessage());
            }
            throw new IllegalStateException("constructing " + type.getName() + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    @Override
    public void write(JsonGenerator out, Object value, String path) throws IOException {
        out.writeStartObject();
        for (Field field : fields) {
            String fieldPath = field.path(path);
            Object fieldValue = get(field, value);
            out.writeFieldName(field.wireName());
            if (fieldValue != null) {
                field.type().write(out, fieldValue, fieldPath);
            } else if (field.nullable()) {
                out.writeNull();
            } else {
                throw new IllegalArgumentException(fieldPath + " must not be null in " + type.getSimpleName());
            }
        }
        out.writeEndObject();
    }

    private Object get(Field field, Object record) {
        try {
            return field.accessor().invoke(record);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("accessor " + field.accessor() + " failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field.accessor(), e);
        }
    }
}
