/**
 * The coverage model built from verified witnesses and field measurements: H3 cells with signal
 * levels, merged polygons, GeoJSON, vector tiles, point lookup, per-hotspot coverage and the web
 * map page.
 *
 * <p>Nothing lives here yet; README.md lists the module's role and the issue that builds it.
 */
package org.hexproof.coverage;
