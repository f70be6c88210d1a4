package io.storagehub.schema.readmodel;

import io.storagehub.schema.event.Position;
import io.storagehub.schema.value.Balance;
import io.storagehub.schema.value.Bytes;
import io.storagehub.schema.value.ValuePropId;
import java.math.BigInteger;

/** A value proposition of an MSP. */
public record ValuePropView(ValuePropId valuePropId, Balance pricePerGigaUnitOfDataPerBlock, Bytes commitment,
                            BigInteger bucketDataLimit, boolean available, Position createdAt,
                            Position updatedAt) {
}
