/**
 * Report ingest: the boundary checks on signed protobuf bodies ({@link
 * org.hexproof.poc.ingest.SignedBodies}) and durable, idempotent storage of beacon and witness
 * reports stamped with the oracle's receive time ({@link org.hexproof.poc.ingest.ReportIngest}).
 * Statuses: 413 too large, 400 malformed, 401 bad signature, 403 not onboarded, 202 stored.
 */
package org.hexproof.poc.ingest;
