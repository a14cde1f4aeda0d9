-- Tamper evidence for verdicts (poc-oracle README, "Verdict audit"). Every worker transaction that
-- writes verdict rows or feed entries appends one seal over their canonical bytes, signed with the
-- oracle key; seals chain by digest so a deleted or reordered seal breaks the chain.
CREATE TABLE verdict_seal (
  seq bigint PRIMARY KEY,                -- 1, 2, 3, ... without gaps, in commit order
  prev_digest bytea NOT NULL,            -- the previous seal's digest; 32 zero bytes for seq 1
  body bytea NOT NULL,                   -- canonical bytes of the sealed verdict rows and feed entries
  digest bytea NOT NULL,                 -- SHA-256(prev_digest || body)
  signer text NOT NULL,                  -- the oracle key (base58) that signed
  signature bytea NOT NULL,              -- Ed25519 over digest
  sealed_at timestamptz NOT NULL,
  CHECK (seq > 0)
);

-- The worker claims a hotspot's beacons in receive order (worker/BatchReads): it looks for an
-- earlier open beacon of the same hotspot.
CREATE INDEX beacon_report_open_hotspot ON beacon_report (hotspot_key, received_at) WHERE NOT closed;
