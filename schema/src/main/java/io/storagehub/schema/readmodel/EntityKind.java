package io.storagehub.schema.readmodel;

import java.util.Optional;

/** The kinds of entity row a change can touch, with their names in the API ({@code kind} of a change's entity). */
public enum EntityKind {
    MSP("msp"),
    BSP("bsp"),
    VALUE_PROP("valueProp"),
    BUCKET("bucket"),
    FILE("file"),
    PAYMENT_STREAM("paymentStream");

    private final String apiName;

    EntityKind(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<EntityKind> ofApiName(String name) {
        for (EntityKind kind : values()) {
            if (kind.apiName.equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
