/**
 * PostgreSQL storage of coverage-map's inputs (schema {@code coverage}, migrations in {@code
 * db/migration/coverage/}).
 *
 * <h2>What is stored, and why not the cells</h2>
 *
 * The tables hold the <em>inputs</em> of the model: the feed cursor, hotspots (profile, last valid
 * PoC, counters), valid witness samples and field measurements. The cells are not stored: at start
 * the service replays the inputs into a fresh {@link org.hexproof.coverage.model.CoverageModel}
 * (registrations, then samples in feed order, then PoC times and measurements) and from then on
 * updates it incrementally. Replaying is exact because the model is a pure function of these
 * inputs, and it keeps one source of truth: a change of thresholds or of the path-loss fit applies
 * to the whole history on the next start, with no migration of derived data.
 *
 * <h2>Exactly once</h2>
 *
 * All writes of one feed page and the new cursor happen in one transaction; the cursor update is
 * conditional on the old value ({@code WHERE last_id = after}), so a crash before the commit
 * repeats the page and a crash after it never does, and two consumers on one database cannot both
 * apply a page ({@link org.hexproof.coverage.store.CursorConflictException}). The in-memory model
 * is updated only after the commit.
 *
 * <p>Re-registering a beaconer at another location or datarate deletes its stored samples in the
 * same transaction, as the model discards them then; a replay therefore sees what the model saw.
 *
 * <p>A field measurement is identified by its time, place and hearers (unique index {@code
 * measurement_identity}); storing one that is already there is a no-op, so uploading a drive-test
 * file twice stores it once, and only newly stored measurements reach the model.
 */
package org.hexproof.coverage.store;
