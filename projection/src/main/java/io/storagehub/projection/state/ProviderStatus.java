package io.storagehub.projection.state;

/** The read model's provider statuses. */
public final class ProviderStatus {
    public static final String ACTIVE = "active";
    public static final String SIGNED_OFF = "signed_off";

    private ProviderStatus() {
    }
}
