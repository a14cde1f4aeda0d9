-- poc-oracle schema: registry, entropy chain, received reports, verdicts and the verified-PoC feed.
-- Keys are base58check text; times are timestamptz with millisecond precision (the oracle's clock).

-- One row per onboarded hotspot, with its asserted location and the timestamps the verifier keeps
-- between beacons (poc-rules.md §1.7, §1.9, §2.13).
CREATE TABLE hotspot (
  hotspot_key text PRIMARY KEY,
  owner_key text NOT NULL,
  capability text NOT NULL CHECK (capability IN ('full', 'data_only')),
  onboarded_at timestamptz NOT NULL,
  location bigint,                       -- H3 cell at resolution 12, NULL until asserted
  region text,                           -- Region display name (EU868, WIFI-2G4, ...)
  gain_ddbi integer NOT NULL DEFAULT 0,
  elevation_m integer NOT NULL DEFAULT 0,
  location_nonce bigint,                 -- last accepted LocationAssertion nonce
  asserted_at timestamptz,
  last_beacon_at timestamptz,
  last_witness_at timestamptz,
  last_beacon_reciprocity_at timestamptz
);

CREATE TABLE denied_key (
  hotspot_key text PRIMARY KEY,
  denied_at timestamptz NOT NULL
);

-- An unordered pair, stored with key_a < key_b.
CREATE TABLE denied_edge (
  key_a text NOT NULL,
  key_b text NOT NULL,
  denied_at timestamptz NOT NULL,
  PRIMARY KEY (key_a, key_b),
  CHECK (key_a < key_b)
);

-- The entropy chain: data = SHA-256(previous data || 32 random bytes || timestamp_s), signed.
CREATE TABLE entropy (
  id bigserial PRIMARY KEY,
  data bytea NOT NULL UNIQUE,
  timestamp_s bigint NOT NULL,
  version integer NOT NULL,
  signed_report bytea NOT NULL           -- the signed EntropyReport protobuf, served as is
);

-- Reports as received. report_id = base64url(SHA-256(signed bytes)); closed = has its verdict.
CREATE TABLE beacon_report (
  report_id text PRIMARY KEY,
  hotspot_key text NOT NULL,
  received_at timestamptz NOT NULL,
  local_entropy bytea NOT NULL,
  remote_entropy bytea NOT NULL,
  data bytea NOT NULL,
  frequency_hz bigint NOT NULL,
  channel integer NOT NULL,
  datarate text NOT NULL,
  tx_power_dbm integer NOT NULL,
  signed_report bytea NOT NULL,
  closed boolean NOT NULL DEFAULT false
);
CREATE INDEX beacon_report_open ON beacon_report (received_at) WHERE NOT closed;
CREATE INDEX beacon_report_entropy ON beacon_report (remote_entropy) WHERE NOT closed;

CREATE TABLE witness_report (
  report_id text PRIMARY KEY,
  hotspot_key text NOT NULL,
  received_at timestamptz NOT NULL,
  data bytea NOT NULL,
  signal_ddbm integer NOT NULL,
  snr_ddb integer NOT NULL,
  frequency_hz bigint NOT NULL,
  datarate text NOT NULL,
  signed_report bytea NOT NULL,
  closed boolean NOT NULL DEFAULT false
);
CREATE INDEX witness_report_data ON witness_report (data, received_at) WHERE NOT closed;
CREATE INDEX witness_report_open ON witness_report (received_at) WHERE NOT closed;

-- Exactly one verdict per report (primary key), written in the transaction that closes it.
CREATE TABLE verdict (
  report_id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('beacon', 'witness')),
  beacon_report_id text,                 -- for a witness: the beacon it was verified with
  verdict text NOT NULL CHECK (verdict IN ('valid', 'invalid')),
  reason text,                           -- lower-snake-case InvalidReason name, NULL when valid
  side text,                             -- beaconer | witness | none, NULL when valid
  detail text NOT NULL DEFAULT '',
  selected boolean NOT NULL DEFAULT false,
  reward_unit numeric(12, 4) NOT NULL DEFAULT 0,
  hex_scale numeric(12, 4),
  verified_at timestamptz NOT NULL,
  feed_id bigint,
  CHECK ((verdict = 'valid') = (reason IS NULL))
);
CREATE INDEX verdict_beacon ON verdict (beacon_report_id);

-- The verified-PoC feed (docs/verified-poc-feed.md): one rendered JSON entry per verified beacon.
CREATE TABLE feed (
  id bigint PRIMARY KEY,
  beacon_report_id text NOT NULL UNIQUE,
  verified_at timestamptz NOT NULL,
  entry text NOT NULL
);
CREATE SEQUENCE feed_id_seq;
