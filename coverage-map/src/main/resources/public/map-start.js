// hexproof coverage map, start: reload on move, shareable links, the radio choice, then the first
// load. Loaded last.
'use strict';

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
