package io.storagehub.schema.codec;

import io.storagehub.schema.event.ChainEvent;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The projected event types by {@code (pallet, name)}, found by walking the sealed hierarchy of
 * {@link ChainEvent}: every sealed interface it permits is a pallet family whose {@code PALLET} constant is the
 * pallet's wire name, and every record it (transitively) permits is an event named by its simple class name.
 * Adding a record to a family makes it decodable and encodable with no other change.
 */
public final class EventTypes {
    private static final Map<Key, Class<? extends ChainEvent>> BY_KEY = new HashMap<>();
    private static final List<Class<? extends ChainEvent>> PROJECTED = new ArrayList<>();

    private record Key(String pallet, String name) {
    }

    static {
        for (Class<?> family : ChainEvent.class.getPermittedSubclasses()) {
            if (family.isInterface()) {
                collect(family, palletOf(family));
            }
        }
        for (Class<? extends ChainEvent> type : PROJECTED) {
            RecordShape.of(type);
        }
    }

    private EventTypes() {
    }

    /** The record class of a projected event, or empty for a pair this contract does not project. */
    public static Optional<Class<? extends ChainEvent>> lookup(String pallet, String name) {
        return Optional.ofNullable(BY_KEY.get(new Key(pallet, name)));
    }

    /** Every projected event type, pallet by pallet in declaration order. */
    public static List<Class<? extends ChainEvent>> projected() {
        return List.copyOf(PROJECTED);
    }

    private static void collect(Class<?> sealed, String pallet) {
        for (Class<?> sub : sealed.getPermittedSubclasses()) {
            if (sub.isRecord()) {
                Class<? extends ChainEvent> type = sub.asSubclass(ChainEvent.class);
                if (BY_KEY.putIfAbsent(new Key(pallet, sub.getSimpleName()), type) != null) {
                    throw new IllegalStateException("two event types named " + pallet + "." + sub.getSimpleName());
                }
                PROJECTED.add(type);
            } else if (sub.isSealed()) {
                collect(sub, pallet);
            } else {
                throw new IllegalStateException(sub + " is neither a record nor a sealed interface");
            }
        }
    }

    private static String palletOf(Class<?> family) {
        try {
            Field field = family.getField("PALLET");
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
                throw new IllegalStateException(family + ".PALLET must be a String constant");
            }
            return (String) field.get(null);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw new IllegalStateException("pallet family " + family + " must declare a public PALLET constant", e);
        }
    }
}
