/**
 * RF medium simulator, emulated radio modules on real pseudo-terminals, emulated packet forwarders
 * on real UDP, fleet scenarios at real coordinates, drive-test ingestion and end-to-end tests.
 *
 * <p>STYLE.md §1 gives field-tests its dependencies in test scope only, so the simulator lives in
 * the test sources: {@code org.hexproof.fieldtests.rf} (link budget and {@code SimulatedMedium}),
 * {@code org.hexproof.fieldtests.sites} (cities and site sampling) and {@code
 * org.hexproof.fieldtests.forwarder} ({@code SimulatedForwarder} on real UDP).
 */
package org.hexproof.fieldtests;
