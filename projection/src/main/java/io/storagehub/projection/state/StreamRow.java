package io.storagehub.projection.state;

import io.storagehub.schema.event.Position;
import java.math.BigInteger;

/** Working copy of one payment stream row. {@code kind} is {@code fixed} or {@code dynamic}. */
public final class StreamRow {
    public static final String FIXED = "fixed";
    public static final String DYNAMIC = "dynamic";

    public String chain;
    public String userAccount;
    public String providerId;
    public String kind;
    public BigInteger rate;
    public BigInteger amountProvided;
    public BigInteger totalCharged = BigInteger.ZERO;
    public Long lastTickCharged;
    public Position created;
    public Position updated;

    public StreamRow copy() {
        StreamRow c = new StreamRow();
        c.chain = chain;
        c.userAccount = userAccount;
        c.providerId = providerId;
        c.kind = kind;
        c.rate = rate;
        c.amountProvided = amountProvided;
        c.totalCharged = totalCharged;
        c.lastTickCharged = lastTickCharged;
        c.created = created;
        c.updated = updated;
        return c;
    }

    public Key key() {
        return new Key(userAccount, providerId);
    }

    /** A stream is identified by its user and provider. */
    public record Key(String userAccount, String providerId) {
    }
}
