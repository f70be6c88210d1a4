package io.storagehub.projection;

/** Reads a whole chain's read model at once: for comparisons, audits and bulk copies. */
public interface ReadModelExport {

    ReadModelSnapshot snapshot(String chain);
}
