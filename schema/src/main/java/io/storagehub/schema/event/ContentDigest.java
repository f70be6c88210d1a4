package io.storagehub.schema.event;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SHA-256 over a record's content, fed field by field: every value is written with a type tag and, where its
 * size varies, a length, so two different contents never feed the same bytes. Records are walked through their
 * components (the accessors are looked up once per class), so a new event type needs no code here.
 */
final class ContentDigest {
    private static final ConcurrentHashMap<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();
    private static final ThreadLocal<MessageDigest> SHA = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    /** Each thread's content buffer, reused from digest to digest (it grows to the largest content seen). */
    private static final ThreadLocal<ContentDigest> CONTENT = ThreadLocal.withInitial(ContentDigest::new);

    private byte[] buffer = new byte[2048];
    private int length;
    private char[] chars = new char[256];

    private ContentDigest() {
    }

    private static final byte[] ENVELOPE = "io.storagehub.schema.event.Envelope".getBytes(StandardCharsets.UTF_8);

    /**
     * The first 64 bits of the digest of an envelope's content, fed as the record of its four fields it was
     * first written as (so digests recorded before it became a class still match).
     */
    static long ofEnvelope(Envelope envelope) {
        ContentDigest content = CONTENT.get();
        content.length = 0;
        content.put((byte) 'r');
        content.bytes(ENVELOPE);
        content.value(envelope.chain());
        content.value(envelope.block());
        content.value(envelope.index());
        content.value(envelope.event());
        return content.finish();
    }

    private long finish() {
        MessageDigest sha = SHA.get();
        sha.reset();
        sha.update(buffer, 0, length);
        byte[] hash = sha.digest();
        long result = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            result = (result << 8) | (hash[i] & 0xff);
        }
        return result;
    }

    private void value(Object value) {
        if (value == null) {
            put((byte) 'n');
        } else if (value instanceof String s) {
            put((byte) 's');
            text(s);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            put((byte) 'l');
            number(((Number) value).longValue());
        } else if (value instanceof Boolean b) {
            put((byte) (b ? 'T' : 'F'));
        } else if (value instanceof BigInteger big) {
            put((byte) 'i');
            bytes(big.toByteArray());
        } else if (value instanceof Instant instant) {
            put((byte) 't');
            number(instant.getEpochSecond());
            number(instant.getNano());
        } else if (value instanceof Enum<?> e) {
            put((byte) 'e');
            text(e.name());
        } else if (value instanceof Collection<?> items) {
            put((byte) 'c');
            number(items.size());
            items.forEach(this::value);
        } else if (value instanceof Record record) {
            Shape shape = SHAPES.computeIfAbsent(record.getClass(), Shape::of);
            put((byte) 'r');
            bytes(shape.name);
            for (MethodHandle accessor : shape.accessors) {
                value(invoke(accessor, record));
            }
        } else {
            throw new IllegalArgumentException("no digest for a value of " + value.getClass());
        }
    }

    /**
     * A string's UTF-8 bytes, as {@link #bytes}. ASCII (ids, names) is written from its characters in one pass over
     * a copy of them (a bulk copy, then a plain array loop: no per-character {@code charAt}), no array made; the
     * first character beyond ASCII rewinds and writes the string's UTF-8 encoding instead.
     */
    private void text(String s) {
        int n = s.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        s.getChars(0, n, chars, 0);
        int start = length;
        number(n);
        room(n);
        byte[] out = buffer;
        int at = length;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if (c >= 0x80) {
                length = start;
                bytes(s.getBytes(StandardCharsets.UTF_8));
                return;
            }
            out[at + i] = (byte) c;
        }
        length = at + n;
    }

    private void bytes(byte[] bytes) {
        number(bytes.length);
        room(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void number(long value) {
        room(Long.BYTES);
        for (int i = Long.BYTES - 1; i >= 0; i--) {
            buffer[length + i] = (byte) value;
            value >>>= 8;
        }
        length += Long.BYTES;
    }

    private void put(byte tag) {
        room(1);
        buffer[length++] = tag;
    }

    private void room(int bytes) {
        if (length + bytes > buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + bytes));
        }
    }

    private static Object invoke(MethodHandle accessor, Record record) {
        try {
            return accessor.invoke(record);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** A record class's name and its component accessors, in declaration order. */
    private record Shape(byte[] name, MethodHandle[] accessors) {
        static Shape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            MethodHandle[] accessors = new MethodHandle[components.length];
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            for (int i = 0; i < components.length; i++) {
                try {
                    accessors[i] = lookup.unreflect(components[i].getAccessor())
                            .asType(java.lang.invoke.MethodType.methodType(Object.class, Record.class));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + type.getName() + "." + components[i].getName(), e);
                }
            }
            return new Shape(type.getName().getBytes(StandardCharsets.UTF_8), accessors);
        }
    }
}
