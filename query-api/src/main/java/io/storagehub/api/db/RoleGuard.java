package io.storagehub.api.db;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the API off a database role that could write the read model. Checked at start-up; when the database or
 * the read model is not there yet, checked again by {@link #notReadyReason()} (the readiness probe) until it can
 * be told. A role with write access is refused, with what it could change, unless the operator allowed it
 * ({@code STORAGEHUB_API_ALLOW_WRITE_ROLE=true}), which is logged as a warning.
 */
public final class RoleGuard {
    private static final Logger LOG = LoggerFactory.getLogger(RoleGuard.class);
    private static final int SHOWN = 5;

    /** Why the API refuses to run on its role. */
    public static final class UnsafeRoleException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnsafeRoleException(String message) {
            super(message);
        }
    }

    private enum State { UNCHECKED, SAFE, REFUSED }

    private final DataSource dataSource;
    private final String schema;
    private final String role;
    private final boolean allowWrite;
    private final Consumer<UnsafeRoleException> onLateRefusal;
    private final AtomicReference<State> state = new AtomicReference<>(State.UNCHECKED);

    /** {@code onLateRefusal} is told when a role checked after start-up turns out to have write access. */
    public RoleGuard(DataSource dataSource, String schema, String role, boolean allowWrite,
                     Consumer<UnsafeRoleException> onLateRefusal) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.role = role;
        this.allowWrite = allowWrite;
        this.onLateRefusal = onLateRefusal;
    }

    /** The start-up check: throws when the role can write and that is not allowed; defers when it cannot tell. */
    public void checkAtStart() {
        Optional<UnsafeRoleException> refusal = check();
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        if (state.get() == State.UNCHECKED) {
            LOG.info("the database role's privileges cannot be checked yet (database or read model not there); "
                    + "checked again by the readiness probe");
        }
    }

    /** Empty when the role is known to be safe (or allowed); else why the API is not ready. */
    public Optional<String> notReadyReason() {
        if (state.get() == State.UNCHECKED) {
            check().ifPresent(onLateRefusal);
        }
        switch (state.get()) {
            case SAFE:
                return Optional.empty();
            case REFUSED:
                return Optional.of("the database role can write the read model; the API refuses to serve");
            default:
                return Optional.of("the database role's privileges are not checked yet");
        }
    }

    private Optional<UnsafeRoleException> check() {
        Optional<List<String>> access;
        try {
            access = WriteAccess.of(dataSource, schema);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("role check: the database cannot be asked yet", e);
            return Optional.empty();
        }
        if (access.isEmpty()) {
            return Optional.empty();
        }
        List<String> writes = access.get();
        if (writes.isEmpty()) {
            state.set(State.SAFE);
            return Optional.empty();
        }
        String what = describe(writes);
        if (allowWrite) {
            state.set(State.SAFE);
            LOG.atWarn().addKeyValue("role", role).addKeyValue("schema", schema)
                    .log("the database role can write the read model ({}); allowed by "
                            + "STORAGEHUB_API_ALLOW_WRITE_ROLE=true: use a read-only role in production", what);
            return Optional.empty();
        }
        state.set(State.REFUSED);
        return Optional.of(new UnsafeRoleException("refusing to start: the database role '" + role
                + "' can write the read model in schema '" + schema + "' (" + what + "). Connect the query API "
                + "with a read-only role (create one with sql/create-readonly-role.sql), or set "
                + "STORAGEHUB_API_ALLOW_WRITE_ROLE=true to run anyway"));
    }

    private static String describe(List<String> writes) {
        String shown = String.join(", ", writes.subList(0, Math.min(SHOWN, writes.size())));
        return writes.size() > SHOWN ? shown + " and " + (writes.size() - SHOWN) + " more" : shown;
    }
}
