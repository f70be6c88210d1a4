package io.storagehub.indexer.cli;

import io.storagehub.indexer.deadletter.DlqFilter;
import io.storagehub.projection.Outcome;
import io.storagehub.schema.codec.DecodeError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/** The filters of {@code dlq list}: chain, reason kind, time range. */
final class DlqFilterOptions {

    @Option(names = "--chain", paramLabel = "CHAIN", description = "Only dead letters of this chain.")
    String chain;

    @Option(names = "--reason", paramLabel = "KIND", converter = ReasonKind.class,
            completionCandidates = ReasonKind.class,
            description = "Only this kind of reason (case-insensitive): a decode error (NOT_UTF8, NOT_JSON, "
                    + "NOT_AN_OBJECT, UNSUPPORTED_VERSION, INVALID_ENVELOPE, KEY_MISMATCH, MISSING_FIELD, "
                    + "INVALID_FIELD) or a projection reject (UNKNOWN_ENTITY, ALREADY_EXISTS, MISMATCH, "
                    + "CONFLICTING_DUPLICATE).")
    String reason;

    @Option(names = "--since", paramLabel = "TIME", converter = TimeArg.class,
            description = "Only dead letters from this time on: " + TimeArg.FORMATS + ".")
    Instant since;

    @Option(names = "--until", paramLabel = "TIME", converter = TimeArg.class,
            description = "Only dead letters before this time (same forms as --since).")
    Instant until;

    /** The filter; a time range that is empty ({@code --since} not before {@code --until}) is a usage error. */
    DlqFilter filter(CommandLine commandLine) {
        if (since != null && until != null && !since.isBefore(until)) {
            throw new ParameterException(commandLine, "--since (" + since + ") must be before --until (" + until
                    + ")");
        }
        return new DlqFilter(OptionalLong.empty(), Optional.ofNullable(chain), Optional.ofNullable(reason),
                Optional.ofNullable(since), Optional.ofNullable(until));
    }

    /** The known reason kinds; anything else is a usage error that lists them. */
    static final class ReasonKind implements ITypeConverter<String>, Iterable<String> {
        static final List<String> KINDS = kinds();

        private static List<String> kinds() {
            List<String> kinds = new ArrayList<>();
            for (DecodeError e : DecodeError.values()) {
                kinds.add(e.name());
            }
            for (Outcome.RejectReason r : Outcome.RejectReason.values()) {
                kinds.add(r.name());
            }
            return List.copyOf(kinds);
        }

        @Override
        public String convert(String value) {
            String kind = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            if (!KINDS.contains(kind)) {
                throw new TypeConversionException("unknown reason kind '" + value + "': expected one of "
                        + String.join(", ", KINDS));
            }
            return kind;
        }

        @Override
        public Iterator<String> iterator() {
            return KINDS.iterator();
        }
    }
}
