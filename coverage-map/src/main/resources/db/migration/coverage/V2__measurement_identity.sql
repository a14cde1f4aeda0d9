-- A measurement is identified by where and when the mapper sent its packet and who heard it: one
-- row per (point, hotspot) hearing, or one row with an empty heard_by for a packet nobody heard
-- (docs/drive-test-csv.md). Uploading the same measurement again stores nothing new, so importing a
-- drive-test file twice stores it once. Duplicates stored before this migration are merged first,
-- keeping the oldest row.
DELETE FROM measurement newer USING measurement older
  WHERE newer.id > older.id
    AND newer.observed_at = older.observed_at
    AND newer.lat = older.lat
    AND newer.lng = older.lng
    AND newer.heard_by = older.heard_by;
CREATE UNIQUE INDEX measurement_identity ON measurement (observed_at, lat, lng, heard_by);
