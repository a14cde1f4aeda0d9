-- A hotspot's reports, newest first (GET /v1/hotspots/{key}/reports): the owner's view of what
-- the hotspot sent and how each report was judged, paged by (received_at, report_id).
CREATE INDEX beacon_report_hotspot ON beacon_report (hotspot_key, received_at, report_id);
CREATE INDEX witness_report_hotspot ON witness_report (hotspot_key, received_at, report_id);
