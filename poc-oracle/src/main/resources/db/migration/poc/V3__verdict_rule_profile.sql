-- The rule profile that judged each verdict (verify/RuleProfiles: helium-iot-2025 for LoRa
-- beaconers, wifi-2g4 for WiFi ones), so an owner reading a verdict sees which constants applied.
-- NULL for reports closed as stale without being judged, and for verdicts written before V3.
ALTER TABLE verdict ADD COLUMN rule_profile text;
