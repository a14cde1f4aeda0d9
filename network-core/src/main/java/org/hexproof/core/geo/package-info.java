/**
 * H3 cells and points: the geographic vocabulary of hexproof.
 *
 * <dl>
 *   <dt>Cell
 *   <dd>A hexagon (or one of 12 pentagons per resolution) of Uber's H3 v4 grid, identified by a
 *       64-bit index. {@link org.hexproof.core.geo.H3Cell} holds only valid indexes; raw {@code
 *       long}s and strings are parsed at the boundary with {@code fromLong} / {@code parse}.
 *   <dt>Resolution
 *   <dd>0 (coarsest, 122 cells worldwide) to 15 (finest). Each step down has about 7× the cells.
 *       Average v4 edge lengths: res 11 ≈ 28.66 m, res 12 ≈ 10.83 m ({@code
 *       getHexagonEdgeLengthAvg}; older v3 tables quote smaller values).
 *   <dt>Parent
 *   <dd>The unique coarser cell whose hierarchy contains a cell. Containment is hierarchical, not
 *       geometric: a child can poke slightly outside its parent's outline.
 *   <dt>Grid distance
 *   <dd>The number of neighbour-to-neighbour steps between two cells of the same resolution. H3
 *       cannot compute it across resolutions, over very long ranges or across some pentagon
 *       distortions; {@link org.hexproof.core.geo.H3Cell#gridDistance} is then empty. The PoC
 *       minimum-distance rule compares the res-11 parents of two locations.
 *   <dt>Great-circle distance
 *   <dd>The haversine distance in metres between two cell centres on a spherical Earth, as h3's
 *       {@code greatCircleDistance(..., LengthUnit.m)} computes it. The PoC maximum-distance rule
 *       uses it.
 *   <dt>Asserted location
 *   <dd>Hotspot locations are asserted, and stored by the oracle, as res-12 cells.
 * </dl>
 *
 * <p>All H3 work goes through one lazily created, thread-safe {@code H3Core}; loading it extracts
 * h3's native library to {@code java.io.tmpdir} (the only side effect in this package).
 */
package org.hexproof.core.geo;
