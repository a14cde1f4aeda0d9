/**
 * Real places for simulated fleets: {@link org.hexproof.fieldtests.sites.City} gives a handful of
 * cities as discs with their LoRa region (EU868, US915, AU915) and RF terrain, and {@link
 * org.hexproof.fieldtests.sites.SiteSampler} draws reproducible hotspot sites inside them.
 *
 * <p>Invariants: every sampled site lies in its city's disc (haversine on H3's sphere, {@link
 * org.hexproof.fieldtests.rf.Geodesy}); a seed fixes the sites and their order; nothing is
 * downloaded, the city figures are constants with their sources in comments.
 */
package org.hexproof.fieldtests.sites;
