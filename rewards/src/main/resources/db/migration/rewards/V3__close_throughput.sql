-- Faster epoch close (a million hotspots per epoch).
--
-- Keys are base58check text; compared by bytes ("C") rather than by the cluster's locale, they sort,
-- group and index several times faster, and their order is the code-point order that Java's
-- String.compareTo gives (base58 is ASCII), which is the order the payout calculator uses.
ALTER TABLE poc_shares
  ALTER COLUMN hotspot TYPE text COLLATE "C",
  ALTER COLUMN owner TYPE text COLLATE "C";
ALTER TABLE ledger_leaves
  ALTER COLUMN hotspot TYPE text COLLATE "C",
  ALTER COLUMN owner TYPE text COLLATE "C";
ALTER TABLE epoch_hotspots
  ALTER COLUMN hotspot TYPE text COLLATE "C",
  ALTER COLUMN owner TYPE text COLLATE "C";
ALTER TABLE wallet_balances ALTER COLUMN wallet TYPE text COLLATE "C";

-- Per-hotspot cumulative totals are the sum of the hotspot's leaves, so they are derived rather
-- than upserted for every rewarded hotspot at every close. Same columns as the table it replaces.
DROP TABLE hotspot_balances;
CREATE VIEW hotspot_balances AS
  SELECT l.hotspot, sum(l.beacon + l.witness + l.data_transfer)::bigint AS amount,
         max(e.epoch) AS last_epoch
  FROM ledger_leaves l JOIN ledger_entries e ON e.sequence = l.sequence
  GROUP BY l.hotspot;
