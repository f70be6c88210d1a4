package io.storagehub.api.cursor;

import io.storagehub.api.problem.ApiProblem;
import io.storagehub.schema.readmodel.SortKey;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque, tamper-evident page cursors: base64url of the sort key parts followed by an HMAC-SHA256 (truncated to
 * 128 bits) over the parts and the {@link ListIdentity}. A cursor that was edited, forged, or issued for another
 * list (another route, chain, parent id or filter) is rejected as a 400.
 */
public final class CursorCodec {
    public static final int MAX_CURSOR_CHARS = 4096;
    static final int TAG_BYTES = 16;
    private static final byte VERSION = 1;
    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] DOMAIN = "storagehub-cursor-v1".getBytes(StandardCharsets.UTF_8);

    private final SecretKeySpec key;

    public CursorCodec(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("cursor secret must have at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    public String encode(SortKey sortKey, ListIdentity list) {
        byte[] payload = payload(sortKey);
        byte[] tag = tag(payload, list);
        byte[] all = Arrays.copyOf(payload, payload.length + tag.length);
        System.arraycopy(tag, 0, all, payload.length, tag.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(all);
    }

    public SortKey decode(String cursor, ListIdentity list) {
        if (cursor.isEmpty() || cursor.length() > MAX_CURSOR_CHARS) {
            throw invalid();
        }
        byte[] all;
        try {
            all = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (all.length < TAG_BYTES + 2) {
            throw invalid();
        }
        byte[] payload = Arrays.copyOf(all, all.length - TAG_BYTES);
        byte[] tag = Arrays.copyOfRange(all, all.length - TAG_BYTES, all.length);
        if (!MessageDigest.isEqual(tag, tag(payload, list))) {
            throw invalid();
        }
        return parts(payload);
    }

    private static byte[] payload(SortKey sortKey) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(VERSION);
        out.write(sortKey.parts().size());
        for (String part : sortKey.parts()) {
            writeString(out, part);
        }
        return out.toByteArray();
    }

    private static SortKey parts(byte[] payload) {
        ByteBuffer in = ByteBuffer.wrap(payload);
        if (in.get() != VERSION) {
            throw invalid();
        }
        int count = Byte.toUnsignedInt(in.get());
        List<String> parts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (in.remaining() < 2) {
                throw invalid();
            }
            int length = Short.toUnsignedInt(in.getShort());
            if (in.remaining() < length) {
                throw invalid();
            }
            byte[] bytes = new byte[length];
            in.get(bytes);
            parts.add(new String(bytes, StandardCharsets.UTF_8));
        }
        if (in.hasRemaining() || parts.isEmpty()) {
            throw invalid();
        }
        return new SortKey(parts);
    }

    private byte[] tag(byte[] payload, ListIdentity list) {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.writeBytes(DOMAIN);
        writeString(message, list.route());
        message.write(list.values().size());
        list.values().forEach(value -> writeString(message, value));
        message.writeBytes(payload);
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(message.toByteArray()), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static void writeString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xFFFF) {
            throw new IllegalArgumentException("cursor part too long: " + bytes.length + " bytes");
        }
        out.write(bytes.length >>> 8);
        out.write(bytes.length & 0xFF);
        out.writeBytes(bytes);
    }

    private static ApiProblem invalid() {
        return ApiProblem.badRequest("cursor is not valid for this list; "
                + "use the nextCursor of the previous page of the same list");
    }
}
