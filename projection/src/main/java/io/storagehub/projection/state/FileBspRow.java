package io.storagehub.projection.state;

import io.storagehub.schema.event.Position;

/** A BSP currently storing a file, since the block that confirmed it. */
public record FileBspRow(String chain, String bspId, String fileKey, long confirmedAt, Position created) {
}
