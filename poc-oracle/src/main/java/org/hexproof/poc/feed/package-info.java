/**
 * The verified-PoC feed (docs/verified-poc-feed.md): rendering of entries, paging by id, the {@code
 * verified_through} watermark, and per-report verdict reads.
 */
package org.hexproof.poc.feed;
