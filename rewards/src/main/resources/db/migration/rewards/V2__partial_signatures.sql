-- k-of-n minting: each rewards instance (one oracle key each, the same configured oracle set and
-- threshold) stores its signature over the manifest it computed for the next epoch. An epoch is
-- minted, in one transaction with its leaves, balances and the marker, once k distinct configured
-- oracles signed the identical manifest hash. Rows for a manifest hash other than the one a closer
-- computes are an alarm, never counted towards that closer's quorum.
CREATE TABLE partial_signatures (
  epoch bigint NOT NULL CHECK (epoch >= 0),
  manifest_hash bytea NOT NULL,
  oracle text NOT NULL,
  manifest bytea NOT NULL,
  signature bytea NOT NULL,
  signed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (epoch, manifest_hash, oracle)
);
