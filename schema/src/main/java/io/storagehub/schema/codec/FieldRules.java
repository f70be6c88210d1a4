package io.storagehub.schema.codec;

import io.storagehub.schema.event.FileSystemEvent;
import java.lang.reflect.RecordComponent;

/** Rules of the contract narrower than a component's Java type. */
final class FieldRules {
    static final int BUCKET_NAME_MAX_BYTES = 100;

    private FieldRules() {
    }

    static WireType typeOf(RecordComponent component) {
        if (component.getDeclaringRecord() == FileSystemEvent.NewBucket.class
                && component.getName().equals("bucketName")) {
            return WireTypes.text(BUCKET_NAME_MAX_BYTES);
        }
        return WireTypes.of(component.getGenericType());
    }
}
