/**
 * RF medium simulator, emulated radio modules on real pseudo-terminals, emulated packet forwarders
 * on real UDP, fleet scenarios at real coordinates, drive-test ingestion and end-to-end tests.
 *
 * <p>Nothing lives here yet; README.md lists the module's role and the issue that builds it.
 */
package org.hexproof.fieldtests;
