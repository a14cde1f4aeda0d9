/** PostgreSQL helpers shared by the oracle's adapters: row conversions and report ids. */
package org.hexproof.poc.store;
