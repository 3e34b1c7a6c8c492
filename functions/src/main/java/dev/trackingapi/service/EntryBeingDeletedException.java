package dev.trackingapi.service;

import dev.trackingapi.model.CatalogKind;

/**
 * An upsert met a deletion of the same entry that it could not finish in the time it had: the client should retry,
 * and the retry (or a repeated DELETE) finishes the deletion.
 */
public final class EntryBeingDeletedException extends RuntimeException {
    public EntryBeingDeletedException(CatalogKind kind, String id) {
        super("The " + kind.wireName() + " \"" + id + "\" is still being deleted (its mappings are being removed);"
                + " retry: the retry finishes the deletion and then writes the " + kind.wireName() + ".", null, false,
                false);
    }
}
