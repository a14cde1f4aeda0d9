/**
 * PostgreSQL for the services: {@link org.hexproof.support.db.DatabaseFactory} provides a pooled
 * r2dbc {@link io.r2dbc.spi.ConnectionFactory} to an external server ({@code hexproof.database.url}
 * or {@code DATABASE_URL}) or to an {@link org.hexproof.support.db.EmbeddedDatabase} started in
 * process; {@link org.hexproof.support.db.Migrations} applies each schema's versioned SQL files at
 * startup; {@link org.hexproof.support.db.Sql} offers bounded blocking access for startup code and
 * workers.
 */
package org.hexproof.support.db;
