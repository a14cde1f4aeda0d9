// hexproof coverage map, formatting: level colours, status texts, keys, HTML escaping, times.
'use strict';

// Viridis steps (colour-blind safe, monotone in lightness): stronger signal = darker.
const LEVEL_COLOURS = { HIGH: '#31688e', MEDIUM: '#35b779', LOW: '#fde725' };
const MEASURED_NONE_COLOUR = '#6b6b6b';
const STATUS_TEXT = {
  MODELED: 'predicted from verified witnesses of nearby hotspots',
  MEASURED: 'measured by drive tests that hotspots heard',
  MEASURED_NONE: 'Measured, no coverage: drive tests here were heard by no hotspot',
  NOT_MAPPED: 'Not mapped: there is no evidence here either way'
};
const TECHNOLOGY_NAMES = { lora: 'LoRa', wifi: 'Wi-Fi' };

function shortKey(key) {
  return key.length > 14 ? key.slice(0, 6) + '…' + key.slice(-6) : key;
}

function esc(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;',
    '"': '&quot;', "'": '&#39;' }[c]));
}

function when(instant) {
  return instant ? esc(instant.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')) : '—';
}
