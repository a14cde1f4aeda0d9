// hexproof coverage map, the hotspot panel: a hotspot's details, its hexes and its rewards chart.
'use strict';

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
