-- A hotspot's rewards per epoch (GET /v1/rewards/hotspots/{key}/epochs, the map's hotspot panel)
-- read its leaves by hotspot; without an index every request scanned the leaves of every epoch
-- (a million per epoch). A hash index, as for poc_shares in V4: equality is all the look-up needs,
-- and it offers the close no hotspot order to walk. Cost at the close: benchmarks/RESULTS.md,
-- "Epoch close throughput".
CREATE INDEX ledger_leaves_hotspot ON ledger_leaves USING hash (hotspot);
