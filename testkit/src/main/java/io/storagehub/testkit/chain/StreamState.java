package io.storagehub.testkit.chain;

import io.storagehub.schema.value.AccountId;
import java.math.BigInteger;

/** A payment stream between a user and a provider; {@code fixed} or dynamic rate. */
final class StreamState {
    final AccountId user;
    final ProviderState provider;
    final boolean fixed;
    BigInteger totalCharged = BigInteger.ZERO;

    StreamState(AccountId user, ProviderState provider, boolean fixed) {
        this.user = user;
        this.provider = provider;
        this.fixed = fixed;
    }

    String key() {
        return key(user, provider);
    }

    static String key(AccountId user, ProviderState provider) {
        return user.hex() + '/' + provider.id.hex();
    }
}
