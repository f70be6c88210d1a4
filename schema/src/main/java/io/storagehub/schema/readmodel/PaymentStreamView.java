package io.storagehub.schema.readmodel;

import io.storagehub.schema.event.Position;
import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.Balance;
import io.storagehub.schema.value.ProviderId;
import java.math.BigInteger;

/**
 * A payment stream. {@code kind} is {@code fixed} (then {@code rate} is set) or {@code dynamic} (then
 * {@code amountProvided} is set). {@code lastTickCharged} is null until the first charge.
 */
public record PaymentStreamView(AccountId userAccount, ProviderId providerId, String kind, Balance rate,
                                BigInteger amountProvided, Balance totalCharged, Long lastTickCharged,
                                Position createdAt, Position updatedAt) {
}
