package io.storagehub.schema.readmodel;

/** The order of a history page: newest first ({@code desc}, the default) or oldest first. */
public enum HistoryOrder {
    DESC,
    ASC
}
