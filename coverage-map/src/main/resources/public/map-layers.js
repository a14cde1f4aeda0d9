// hexproof coverage map, the map and its layers: the map, the page's state, the offline country
// outlines, the summary and zoom ladder, the hexes of the current view, the hotspot markers and the
// legend. Plain Leaflet, no build step; data from /v1/coverage/* of this service. Loaded after
// map-format.js.
'use strict';

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
