package io.storagehub.indexer.publish;

import java.util.List;

/** What a publish did: lines read (blank lines are not counted), records sent, lines rejected and why. */
public record PublishReport(int lines, int sent, int invalid, List<String> errors) {
    public PublishReport {
        errors = List.copyOf(errors);
    }
}
