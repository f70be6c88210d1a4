package io.storagehub.schema.value;

import com.fasterxml.jackson.annotation.JsonValue;

/** An account: `0x` + 40 lowercase hex characters (uppercase input is normalized). */
public record AccountId(@JsonValue String hex) implements Comparable<AccountId> {
    public AccountId {
        hex = HexText.fixed(hex, 40, "account");
    }

    public static AccountId of(String hex) {
        return new AccountId(hex);
    }

    @Override
    public int compareTo(AccountId other) {
        return hex.compareTo(other.hex);
    }

    @Override
    public String toString() {
        return hex;
    }
}
