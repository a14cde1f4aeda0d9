// hexproof coverage map: plain Leaflet, no build step. Data: /v1/coverage/* of this service.
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

const map = L.map('map', { worldCopyJump: true, minZoom: 2 }).setView([20, 0], 2);
map.createPane('base').style.zIndex = 200;
map.createPane('hexes').style.zIndex = 350; // below the hotspot markers (overlay pane, 400)
map.createPane('highlight').style.zIndex = 450;

let ladder = null;
let hotspots = new Map();
let hexLayer = null;
let highlightLayer = L.layerGroup().addTo(map);
const hotspotLayer = L.layerGroup().addTo(map);
let cellRequest = 0;
// which map is drawn and asked: 'lora' or 'wifi' (the API's technology parameter)
let technology = 'lora';
const TECHNOLOGY_NAMES = { lora: 'LoRa', wifi: 'Wi-Fi' };

// --- offline base layer: Natural Earth country outlines (TopoJSON decoded here) ---------------

function topoFeatures(topo, name) {
  const t = topo.transform;
  const arcs = topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map((p) => {
      if (!t) return p;
      x += p[0];
      y += p[1];
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
    });
  });
  const arcPoints = (i) => (i < 0 ? arcs[~i].slice().reverse() : arcs[i]);
  const ring = (indices) => {
    const points = [];
    indices.forEach((i, k) => points.push(...(k ? arcPoints(i).slice(1) : arcPoints(i))));
    return points;
  };
  return topo.objects[name].geometries.map((g) => ({
    type: 'Feature',
    properties: g.properties || {},
    geometry: g.type === 'Polygon'
      ? { type: 'Polygon', coordinates: g.arcs.map(ring) }
      : { type: 'MultiPolygon', coordinates: g.arcs.map((p) => p.map(ring)) }
  }));
}

fetch('/countries-50m.json')
  .then((r) => r.json())
  .then((topo) => {
    L.geoJSON(topoFeatures(topo, 'countries'), {
      pane: 'base',
      interactive: false,
      style: { color: '#8a8a8a', weight: 0.8, fillColor: '#f3f0e8', fillOpacity: 1 }
    }).addTo(map);
  });

// --- summary, ladder, optional online tiles ----------------------------------------------------

function loadSummary() {
  return fetch('/v1/coverage/summary?technology=' + technology).then((r) => r.json()).then((s) => {
    ladder = s.ladder;
    document.getElementById('map').dataset.technology = technology;
    document.getElementById('summary').textContent =
      `${TECHNOLOGY_NAMES[technology]}: ${s.total_cells} cells · ${s.hotspots_counted} of ${s.hotspots_known} hotspots on the map` +
      ` · as of ${s.as_of.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')}`;
    return s;
  });
}

function resolutionFor(zoom) {
  if (!ladder) return null;
  const z = Math.max(0, Math.min(Math.round(zoom), ladder.resolution_by_zoom.length - 1));
  return ladder.resolution_by_zoom[z];
}

// --- hexes of the current view -----------------------------------------------------------------

function hexStyle(feature) {
  const p = feature.properties;
  const measured = p.source === 'MEASURED';
  if (p.level === 'NONE') {
    return { className: 'hex-cell hex-none', pane: 'hexes', color: '#333', weight: 1.2,
      dashArray: '3 3', fillColor: MEASURED_NONE_COLOUR, fillOpacity: 0.55 };
  }
  return { className: 'hex-cell hex-' + p.level.toLowerCase(), pane: 'hexes',
    color: measured ? '#111' : '#ffffff', weight: measured ? 1.5 : 0.6,
    fillColor: LEVEL_COLOURS[p.level], fillOpacity: 0.6 };
}

function viewBbox() {
  const b = map.getBounds();
  const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
  const w = clamp(b.getWest(), -180, 179.999);
  const e = clamp(b.getEast(), w + 0.0001, 180);
  const s = clamp(b.getSouth(), -85, 84.999);
  const n = clamp(b.getNorth(), s + 0.0001, 85);
  return [w, s, e, n].map((v) => v.toFixed(5)).join(',');
}

function loadCells() {
  const zoom = map.getZoom();
  const res = resolutionFor(zoom);
  const request = ++cellRequest;
  if (res === null || res === undefined) {
    if (hexLayer) hexLayer.remove();
    hexLayer = null;
    return Promise.resolve();
  }
  return fetch(`/v1/coverage/cells?bbox=${viewBbox()}&zoom=${Math.round(zoom)}&technology=${technology}`)
    .then((r) => (r.ok ? r.json() : r.json().then((p) => Promise.reject(p))))
    .then((geojson) => {
      if (request !== cellRequest) return;
      if (hexLayer) hexLayer.remove();
      hexLayer = L.geoJSON(geojson, { pane: 'hexes', style: hexStyle, interactive: false });
      hexLayer.addTo(map);
      document.getElementById('map').dataset.hexes = String(geojson.features.length);
    })
    .catch((problem) => {
      document.getElementById('map').dataset.hexes = '0';
      console.warn('cells not loaded', problem);
    });
}

// --- hotspots ----------------------------------------------------------------------------------

function loadHotspots() {
  return fetch('/v1/coverage/hotspots').then((r) => r.json()).then((list) => {
    hotspots = new Map(list.map((h) => [h.key, h]));
    hotspotLayer.clearLayers();
    list.filter((h) => h.lat !== null).forEach((h) => {
      const marker = L.circleMarker([h.lat, h.lng], {
        radius: h.counted ? 7 : 5, color: '#ffffff', weight: 2,
        fillColor: h.counted ? '#111111' : '#9a9a9a', fillOpacity: 1, className: 'hotspot-marker'
      });
      marker.bindTooltip(shortKey(h.key));
      marker.on('click', (ev) => {
        L.DomEvent.stopPropagation(ev);
        showHotspot(h.key);
      });
      marker.addTo(hotspotLayer);
    });
    return list;
  });
}

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

function showHotspot(key, fly) {
  const h = hotspots.get(key);
  const panel = document.getElementById('panel');
  if (!h) {
    panel.innerHTML = `<h2>Hotspot</h2><p class="notice">No hotspot ${esc(key)} in the feed.</p>`;
    return;
  }
  history.replaceState(null, '', '#hotspot=' + encodeURIComponent(key));
  panel.innerHTML = `<h2>Hotspot</h2><p><code>${esc(h.key)}</code></p>
    <table>
      <tr><th>Location</th><td>${h.lat === null ? 'not asserted'
        : `${h.lat.toFixed(5)}, ${h.lng.toFixed(5)}<br><code>${esc(h.cell)}</code>`}</td></tr>
      <tr><th>Last valid PoC</th><td>${when(h.last_valid_poc)}</td></tr>
      <tr><th>Witnessed by</th><td>${h.witness_samples} valid witnesses (path-loss fit)</td></tr>
      <tr><th>Valid beacons</th><td>${h.valid_beacons}</td></tr>
      <tr><th>Witnessed others</th><td>${h.valid_witnesses}</td></tr>
      <tr><th>Radio</th><td>${h.radio ? TECHNOLOGY_NAMES[h.radio] : '—'}</td></tr>
      <tr><th>Datarate</th><td>${esc(h.datarate || '—')}</td></tr>
      <tr><th>On the map</th><td>${h.counted ? `yes: ${h.covered_cells} hexes within ${h.range_m} m`
        : 'no (no fresh valid PoC or no witnesses yet)'}</td></tr>
    </table>`;
  showRewards(key);
  highlightLayer.clearLayers();
  fetch('/v1/coverage/hotspots/' + encodeURIComponent(key)).then((r) => r.json()).then((g) => {
    L.geoJSON(g, { pane: 'highlight', interactive: false,
      style: { className: 'hotspot-hex', color: '#d55e00', weight: 1.5, fill: false } })
      .addTo(highlightLayer);
  });
  if (fly && h.lat !== null) map.setView([h.lat, h.lng], Math.max(map.getZoom(), 12));
}

// Rewards per minted epoch, when the rewards service answers on this origin (the devnet); a map
// served on its own shows no chart.
function showRewards(key) {
  fetch('/v1/rewards/hotspots/' + encodeURIComponent(key) + '/epochs?limit=30')
    .then((r) => (r.ok ? r.json() : null))
    .then((history) => {
      const epochs = (history && history.epochs) || [];
      const panel = document.getElementById('panel');
      if (!history || !panel.innerHTML.includes(esc(key))) return;
      const box = document.createElement('div');
      box.id = 'rewards-chart';
      const scale = Math.pow(10, history.token_decimals);
      if (epochs.length === 0) {
        box.innerHTML = '<h3>Rewards</h3><p class="notice">No minted epoch has paid it yet.</p>';
        panel.appendChild(box);
        return;
      }
      const total = epochs.reduce((sum, e) => sum + e.total, 0) / scale;
      box.innerHTML = `<h3>Rewards per epoch</h3><p>${total.toFixed(2)} tokens over ${epochs.length}`
        + ` epoch${epochs.length === 1 ? '' : 's'}</p>`;
      panel.appendChild(box);
      const data = [
        epochs.map((e) => e.epoch),
        epochs.map((e) => e.beacon / scale),
        epochs.map((e) => e.witness / scale),
      ];
      new uPlot({
        width: 300, height: 160,
        scales: { x: { time: false } },
        axes: [{ label: 'epoch' }, { label: 'tokens' }],
        series: [{}, { label: 'beacon', stroke: '#0072b2', width: 2 },
          { label: 'witness', stroke: '#e69f00', width: 2 }],
      }, data, box);
    })
    .catch(() => {});
}

// --- point lookup ------------------------------------------------------------------------------

function lookup(query, fly) {
  return fetch('/v1/coverage/point?' + query + '&technology=' + technology)
    .then((r) => r.json().then((body) => ({ ok: r.ok, body })))
    .then(({ ok, body }) => {
      const panel = document.getElementById('panel');
      if (!ok) {
        panel.innerHTML = `<h2>Coverage here?</h2><p class="notice">${esc(body.detail || 'bad query')}</p>`;
        return;
      }
      showPoint(body);
      if (fly) map.setView([body.lat, body.lng], Math.max(map.getZoom(), 13));
    });
}

function showPoint(p) {
  history.replaceState(null, '', '#cell=' + p.cell);
  let verdict;
  let cls;
  if (p.covered) {
    verdict = `Covered: ${p.level.toLowerCase()} signal`;
    cls = 'covered';
  } else if (p.status === 'MEASURED_NONE') {
    verdict = 'No coverage (measured)';
    cls = 'measured-none';
  } else {
    verdict = 'Not mapped';
    cls = 'not-mapped';
  }
  const best = p.best_hotspots.map((h) => `<tr><td><a href="#hotspot=${encodeURIComponent(h.hotspot)}"
      data-hotspot="${esc(h.hotspot)}">${esc(shortKey(h.hotspot))}</a></td>
      <td>${(h.distance_m / 1000).toFixed(2)} km</td><td>${h.rssi_dbm.toFixed(1)} dBm</td></tr>`).join('');
  const panel = document.getElementById('panel');
  panel.innerHTML = `<h2>Coverage here?</h2>
    <p id="lookup" class="verdict ${cls}" data-covered="${p.covered}" data-status="${p.status}">${verdict}</p>
    <p>${esc(STATUS_TEXT[p.status])} (${TECHNOLOGY_NAMES[p.technology]} map).</p>
    <table>
      <tr><th>Point</th><td>${p.lat.toFixed(5)}, ${p.lng.toFixed(5)}</td></tr>
      <tr><th>Hex</th><td><code>${esc(p.cell)}</code> (res ${p.resolution})</td></tr>
      <tr><th>Status</th><td>${esc(p.status)}</td></tr>
      <tr><th>${p.source === 'MEASURED' ? 'Best measured RSSI' : 'Predicted RSSI'}</th>
        <td>${p.rssi_dbm === null ? '—' : p.rssi_dbm.toFixed(1) + ' dBm'}</td></tr>
      <tr><th>Evidence</th><td>${p.samples} samples, newest ${when(p.last_observed_at)}</td></tr>
    </table>
    ${best ? `<h3>Best hotspots</h3><table><tr><th>Hotspot</th><th>Distance</th><th>RSSI</th></tr>${best}</table>` : ''}`;
  panel.querySelectorAll('a[data-hotspot]').forEach((a) => a.addEventListener('click', (ev) => {
    ev.preventDefault();
    showHotspot(a.dataset.hotspot, true);
  }));
  highlightLayer.clearLayers();
  L.circleMarker([p.lat, p.lng], { pane: 'highlight', radius: 5, color: '#d55e00', weight: 3,
    fill: false, className: 'lookup-marker' }).addTo(highlightLayer);
}

map.on('click', (ev) => {
  lookup(`lat=${ev.latlng.lat.toFixed(6)}&lng=${L.Util.wrapNum(ev.latlng.lng, [-180, 180], true).toFixed(6)}`);
});

document.getElementById('search').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const text = document.getElementById('search-input').value.trim();
  const m = text.match(/^(-?\d+(?:\.\d+)?)\s*[, ]\s*(-?\d+(?:\.\d+)?)$/);
  if (m) {
    lookup(`lat=${m[1]}&lng=${m[2]}`, true);
  } else if (/^[0-9a-fA-F]{15,16}$/.test(text) || /^\d{17,19}$/.test(text)) {
    lookup('cell=' + encodeURIComponent(text), true);
  } else if (text) {
    showHotspot(text, true);
  }
});

// --- legend ------------------------------------------------------------------------------------

const legend = L.control({ position: 'bottomleft' });
legend.onAdd = () => {
  const div = L.DomUtil.create('div', 'legend');
  div.innerHTML = `<h3>Coverage</h3>
    <div><span class="swatch" style="background:${LEVEL_COLOURS.HIGH}"></span>High (≥ −100 dBm)</div>
    <div><span class="swatch" style="background:${LEVEL_COLOURS.MEDIUM}"></span>Medium (≥ −110 dBm)</div>
    <div><span class="swatch" style="background:${LEVEL_COLOURS.LOW}"></span>Low (down to sensitivity)</div>
    <div><span class="swatch measured-none"></span>Measured, no coverage</div>
    <div><span class="swatch not-mapped"></span>Not mapped (no hex drawn)</div>
    <div><span class="dot" style="background:#111"></span>Hotspot on the map</div>
    <div><span class="dot" style="background:#9a9a9a"></span>Hotspot, no fresh coverage</div>
    <div style="opacity:.75">Black outline: measured · white: modeled</div>`;
  return div;
};
legend.addTo(map);

// --- start: summary, optional online tiles, hotspots, then the view from the URL ---------------

let moveTimer = null;
map.on('moveend', () => {
  clearTimeout(moveTimer);
  moveTimer = setTimeout(loadCells, 150);
});

function restoreFromHash() {
  const hash = decodeURIComponent(location.hash.slice(1));
  if (hash.startsWith('cell=')) {
    return lookup('cell=' + encodeURIComponent(hash.slice(5)), true);
  }
  if (hash.startsWith('hotspot=')) {
    showHotspot(hash.slice(8), true);
    return Promise.resolve();
  }
  return Promise.resolve(false);
}

window.addEventListener('hashchange', restoreFromHash);

document.getElementById('technology').value = technology;
document.getElementById('technology').addEventListener('change', (ev) => {
  technology = ev.target.value === 'wifi' ? 'wifi' : 'lora';
  highlightLayer.clearLayers();
  loadSummary().then(loadCells);
});

loadSummary()
  .then((s) => {
    if (s.tile_url) {
      L.tileLayer(s.tile_url, { attribution: s.tile_attribution, maxZoom: 19 }).addTo(map);
    }
    map.attributionControl.addAttribution('Outlines: Natural Earth');
    return loadHotspots();
  })
  .then((list) => restoreFromHash().then((restored) => {
    if (restored === false) {
      const counted = list.filter((h) => h.counted && h.lat !== null);
      if (counted.length) {
        map.fitBounds(L.latLngBounds(counted.map((h) => [h.lat, h.lng])).pad(0.6), { maxZoom: 12 });
      }
    }
    return loadCells();
  }))
  .then(() => { document.body.dataset.ready = 'true'; });
