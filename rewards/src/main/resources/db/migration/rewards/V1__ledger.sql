-- Feed consumption: one row; last_id is the last feed entry stored, watermark the oracle's
-- verified_through as of the last time the feed was read to its end.
CREATE TABLE feed_cursor (
  id smallint PRIMARY KEY CHECK (id = 1),
  last_id bigint NOT NULL CHECK (last_id >= 0),
  watermark timestamptz
);
INSERT INTO feed_cursor (id, last_id, watermark) VALUES (1, 0, NULL);

-- One reward-share row per valid beacon and per selected witness of a valid beacon with shares > 0
-- (poc-rules §6). received_at is the beacon's receive time: it decides the epoch of both roles.
CREATE TABLE poc_shares (
  entry_id bigint NOT NULL,
  role text NOT NULL CHECK (role IN ('beacon', 'witness')),
  hotspot text NOT NULL,
  owner text NOT NULL,
  received_at timestamptz NOT NULL,
  shares numeric NOT NULL CHECK (shares > 0),
  PRIMARY KEY (entry_id, role, hotspot)
);
CREATE INDEX poc_shares_received_at ON poc_shares (received_at);

-- The next epoch to close, and the epoch length its index counts in.
CREATE TABLE epoch_marker (
  id smallint PRIMARY KEY CHECK (id = 1),
  next_epoch bigint NOT NULL CHECK (next_epoch >= 0),
  epoch_length_ms bigint NOT NULL CHECK (epoch_length_ms > 0)
);

-- The ledger: canonical manifest bytes are the signed truth; sequence, epoch and manifest_hash are
-- copies for keys and lookups (ledger verify checks they agree). The pool columns are the epoch's
-- accounting, derived from the emission schedule, not signed.
CREATE TABLE ledger_entries (
  sequence bigint PRIMARY KEY CHECK (sequence >= 0),
  epoch bigint NOT NULL UNIQUE CHECK (epoch >= 0),
  manifest bytea NOT NULL,
  manifest_hash bytea NOT NULL,
  emission bigint NOT NULL,
  operations bigint NOT NULL,
  oracles bigint NOT NULL,
  not_handled bigint NOT NULL,
  closed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ledger_signatures (
  sequence bigint NOT NULL REFERENCES ledger_entries (sequence),
  position integer NOT NULL CHECK (position >= 0),
  oracle text NOT NULL,
  signature bytea NOT NULL,
  PRIMARY KEY (sequence, position)
);

CREATE TABLE ledger_leaves (
  sequence bigint NOT NULL REFERENCES ledger_entries (sequence),
  hotspot text NOT NULL,
  owner text NOT NULL,
  beacon bigint NOT NULL,
  witness bigint NOT NULL,
  data_transfer bigint NOT NULL,
  PRIMARY KEY (sequence, hotspot)
);

-- Per epoch and hotspot: the shares and PoC counts behind its leaf (also hotspots paid 0).
CREATE TABLE epoch_hotspots (
  epoch bigint NOT NULL REFERENCES ledger_entries (epoch),
  hotspot text NOT NULL,
  owner text NOT NULL,
  beacon_shares numeric NOT NULL,
  witness_shares numeric NOT NULL,
  dc_transferred bigint NOT NULL,
  beacons integer NOT NULL,
  witnesses integer NOT NULL,
  PRIMARY KEY (epoch, hotspot)
);

-- Cumulative totals (never deltas), updated in the transaction that appends the entry.
CREATE TABLE wallet_balances (
  wallet text PRIMARY KEY,
  amount bigint NOT NULL CHECK (amount >= 0),
  last_epoch bigint NOT NULL
);

CREATE TABLE hotspot_balances (
  hotspot text PRIMARY KEY,
  amount bigint NOT NULL CHECK (amount >= 0),
  last_epoch bigint NOT NULL
);
