package io.storagehub.schema.event;

/**
 * A valid event this contract does not project (any other pallet, or an unknown name of a projected pallet).
 * {@code dataJson} is the event's {@code data} object re-serialized compactly; it is kept only so that a
 * redelivered copy can be told apart from a different event at the same position.
 */
public record NotProjected(String pallet, String name, String dataJson) implements ChainEvent {
}
