package dev.trackingapi.store;

/** The deployment's secret key for the customer hashes of erasure receipts. It is never logged nor returned by the API. */
public interface ErasureKeyStore {

    /** The stored key; or, when none is stored yet, {@code candidate}, stored now (first writer wins). */
    byte[] keyOrCreate(byte[] candidate);
}
