-- coverage-map keeps its inputs, not its output: the in-memory CoverageModel is rebuilt from these
-- tables at start and then updated incrementally (see org.hexproof.coverage.store).

-- The verified-PoC feed cursor: one row, the last feed id whose effects are in the tables below.
CREATE TABLE feed_cursor (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  last_id bigint NOT NULL CHECK (last_id >= 0),
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO feed_cursor (last_id) VALUES (0);

-- Every hotspot the feed named. location/datarate are the beaconing profile from its last valid
-- beacon (both set, or location only for a hotspot seen only as a witness).
CREATE TABLE hotspot (
  key text PRIMARY KEY,
  location bigint,
  datarate text,
  last_valid_poc timestamptz,
  valid_beacons bigint NOT NULL DEFAULT 0,
  valid_witnesses bigint NOT NULL DEFAULT 0
);

-- One valid witness of a valid beacon: a point of its beaconer's path-loss fit. Deleted when the
-- beaconer is re-registered at another location or datarate, as the model discards them then.
CREATE TABLE witness_sample (
  feed_id bigint NOT NULL,
  witness text NOT NULL,
  beaconer text NOT NULL,
  witness_location bigint NOT NULL,
  distance_m double precision NOT NULL,
  rssi_dbm double precision NOT NULL,
  snr_db double precision NOT NULL,
  frequency_hz bigint NOT NULL,
  observed_at timestamptz NOT NULL,
  PRIMARY KEY (feed_id, witness)
);
CREATE INDEX witness_sample_beaconer ON witness_sample (beaconer);

-- Field measurements (drive tests). rssi/snr are null exactly when nobody heard the packet.
CREATE TABLE measurement (
  id bigserial PRIMARY KEY,
  lat double precision NOT NULL,
  lng double precision NOT NULL,
  observed_at timestamptz NOT NULL,
  rssi_dbm double precision,
  snr_db double precision,
  heard_by text[] NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX measurement_observed_at ON measurement (observed_at);
