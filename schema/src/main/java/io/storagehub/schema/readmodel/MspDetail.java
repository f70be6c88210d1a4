package io.storagehub.schema.readmodel;

import java.util.List;

/** One MSP with its value propositions (ordered by id). */
public record MspDetail(MspView msp, List<ValuePropView> valueProps) {
    public MspDetail {
        valueProps = List.copyOf(valueProps);
    }
}
