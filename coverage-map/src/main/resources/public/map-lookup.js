// hexproof coverage map, the point lookup: "is there coverage here?" by click, by typed
// "lat, lng", by cell or by hotspot key.
'use strict';

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
