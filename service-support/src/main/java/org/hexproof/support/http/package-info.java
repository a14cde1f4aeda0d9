/**
 * HTTP error responses as RFC 9457 problem JSON: {@link
 * org.hexproof.support.http.BadRequestException} becomes 400 (the one handler for malformed input),
 * a database outage becomes 503 without internals, other database errors 500 without internals, and
 * {@link org.hexproof.support.http.FrameworkErrorBody} gives the errors Micronaut answers itself
 * (limits, unreadable bodies, unconvertible values, no route) the same form.
 */
package org.hexproof.support.http;
