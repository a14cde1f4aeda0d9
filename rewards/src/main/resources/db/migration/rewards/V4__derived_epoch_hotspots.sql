-- Epoch close no longer writes a row per hotspot into epoch_hotspots (a million rows per epoch,
-- about as costly as the ledger leaves themselves). The per-hotspot shares and PoC counts the API
-- serves are derived on request from poc_shares, the close's own input: a closed epoch's rows are
-- all stored before it closes (the watermark is read before the feed is read to its end, and the
-- close waits for it to pass the epoch's end plus the offset), and a rerun of the close already
-- relies on them being unchanged when it compares the recomputed manifest with the stored one.
-- The table held unsigned bookkeeping only: neither the manifest, the leaves nor ledger verify
-- read it.
DROP TABLE epoch_hotspots;

-- One hotspot's rows without scanning the epoch's rows of every hotspot. A hash index: equality is
-- all the look-up needs. Measured (benchmarks/RESULTS.md, "Epoch close throughput"): with a B-tree
-- on (hotspot, received_at) the close of a million hotspots took about 3.7 s longer than with no
-- index, with this hash index 0.3–0.9 s (a B-tree offers a hotspot order the close's GROUP BY
-- may take; the cause was not established further).
CREATE INDEX poc_shares_hotspot ON poc_shares USING hash (hotspot);
