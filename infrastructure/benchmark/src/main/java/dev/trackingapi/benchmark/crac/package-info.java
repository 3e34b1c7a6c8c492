/**
 * A stand-in for a CRaC runtime on an ordinary JDK, loaded by org.crac through its documented
 * {@code -Dorg.crac.Core.Compat=<package>} switch: {@link dev.trackingapi.benchmark.crac.Core#checkpointRestore()}
 * runs every registered resource's beforeCheckpoint (as SnapStart does before its snapshot) and then afterRestore,
 * without taking a snapshot. The priming benchmark uses it to run the functions' real hooks.
 */
package dev.trackingapi.benchmark.crac;
