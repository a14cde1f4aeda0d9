/**
 * HTTP error responses as RFC 9457 problem JSON: {@link
 * org.hexproof.support.http.BadRequestException} becomes 400 (the one handler for malformed input),
 * a database outage becomes 503 without internals, other database errors 500 without internals.
 */
package org.hexproof.support.http;
