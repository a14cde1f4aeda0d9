/**
 * Infrastructure the service modules share: database connection (embedded PostgreSQL when no URL is
 * configured), versioned SQL migrations per schema, and problem-JSON error responses. Holds no
 * domain code; service modules may depend on it, it depends on no hexproof module.
 */
package org.hexproof.support;
