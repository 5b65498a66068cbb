// The Signals live console: plain DOM, no framework, no build step. Every value that comes
// from an event is written with textContent, never as HTML.
(function () {
  'use strict';

  var MAX_ROWS = 500;
  var token = new URLSearchParams(location.search).get('token');
  var source = null;
  var lastId = null;
  var paused = false;

  var tbody = document.querySelector('#events tbody');
  var status = document.getElementById('status');
  var notice = document.getElementById('notice');
  var filters = document.getElementById('filters');

  /** An API path with the filters of the form and the token, if any. */
  function api(path, params) {
    var q = new URLSearchParams(params || []);
    if (token) { q.set('token', token); }
    var s = q.toString();
    return path + (s ? (path.indexOf('?') >= 0 ? '&' : '?') + s : '');
  }

  function filterParams() {
    var p = [];
    var data = new FormData(filters);
    splitList(data.get('signal')).forEach(function (s) { p.push(['signal', s]); });
    splitList(data.get('field')).forEach(function (f) { p.push(['field', f]); });
    ['minSeverity', 'trace', 'thread'].forEach(function (k) {
      var v = (data.get(k) || '').trim();
      if (v) { p.push([k, v]); }
    });
    return p;
  }

  function splitList(text) {
    return (text || '').split(',').map(function (s) { return s.trim(); }).filter(Boolean);
  }

  function setStatus(state, text) {
    status.dataset.state = state;
    status.textContent = text;
    document.body.dataset.stream = state;
  }

  /** (Re)opens the stream; resuming from the last event seen when asked to. */
  function connect(resume) {
    if (source) { source.close(); }
    var params = filterParams();
    if (resume && lastId !== null) { params.push(['lastEventId', lastId]); }
    setStatus('connecting', 'connecting…');
    source = new EventSource(api('api/events', params));
    source.onopen = function () { setStatus('open', 'live'); };
    source.onerror = function () { setStatus('closed', 'disconnected, retrying…'); };
    source.onmessage = function (m) {
      lastId = m.lastEventId || lastId;
      addRow(JSON.parse(m.data));
    };
    source.addEventListener('lost', function (m) {
      var d = JSON.parse(m.data);
      notice.textContent = 'fell behind: ' + d.total + ' event(s) lost so far';
    });
    source.addEventListener('gap', function (m) {
      var d = JSON.parse(m.data);
      notice.textContent = d.replayed ? 'the buffer no longer holds up to ' + d.goneAtMost + ' event(s) missed'
        : 'events missed while away cannot be replayed (no buffer)';
    });
  }

  function cell(tr, text, cls) {
    var td = document.createElement('td');
    td.textContent = text == null ? '' : String(text);
    if (cls) { td.className = cls; }
    tr.appendChild(td);
    return td;
  }

  function addRow(e) {
    var tr = document.createElement('tr');
    tr.dataset.signal = e.signal;
    tr.dataset.seq = e.seq;
    cell(tr, (e.time || '').replace('T', ' ').slice(11, 26));
    cell(tr, e.seq);
    cell(tr, e.severity, 'sev-' + e.severity);
    cell(tr, e.signal, 'signal');
    cell(tr, e.message, 'message');
    cell(tr, e.thread);
    var td = cell(tr, '');
    if (e.trace_id) {
      var a = document.createElement('a');
      a.className = 'trace';
      a.textContent = e.trace_id;
      a.title = 'show this trace as a waterfall';
      a.addEventListener('click', function (ev) { ev.stopPropagation(); showTrace(e.trace_id); });
      td.appendChild(a);
    }
    tr.addEventListener('click', function () {
      var old = tbody.querySelector('tr.selected');
      if (old) { old.classList.remove('selected'); }
      tr.classList.add('selected');
      document.getElementById('details').textContent = JSON.stringify(e, null, 2);
    });
    tbody.insertBefore(tr, tbody.firstChild);
    while (tbody.rows.length > MAX_ROWS) { tbody.deleteRow(tbody.rows.length - 1); }
  }

  /** Microseconds since the epoch of an RFC 3339 time with up to six fractional digits. */
  function micros(time) {
    var m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?Z$/.exec(time);
    if (!m) { return Date.parse(time) * 1000; }
    return Date.parse(m[1] + 'Z') * 1000 + Number(((m[2] || '') + '000000').slice(0, 6));
  }

  /** Fetches the trace's events from the buffer and draws its spans as a waterfall. */
  function showTrace(traceId) {
    document.getElementById('waterfall-trace').textContent = traceId;
    var box = document.getElementById('waterfall');
    box.textContent = 'loading…';
    fetch(api('api/events/recent', [['trace', traceId], ['last', '100000']])).then(function (r) {
      if (!r.ok) { throw new Error('HTTP ' + r.status); }
      return r.text();
    }).then(function (text) {
      var spans = {};
      var order = [];
      text.split('\n').filter(Boolean).map(JSON.parse).forEach(function (e) {
        if (e.signal === 'SPAN_STARTED') {
          spans[e.span_id] = { id: e.span_id, name: e.span, parent: e.parent_span_id, start: micros(e.time) };
          order.push(e.span_id);
        } else if (e.signal === 'SPAN_ENDED' && spans[e.span_id]) {
          spans[e.span_id].duration = e.duration * 1000;
          spans[e.span_id].error = e.status === 'ERROR';
        }
      });
      drawWaterfall(box, order.map(function (id) { return spans[id]; }), spans);
    }).catch(function (err) { box.textContent = 'could not load the trace: ' + err.message; });
  }

  function drawWaterfall(box, list, byId) {
    box.textContent = '';
    if (!list.length) {
      box.textContent = 'No span of this trace is in the buffer.';
      return;
    }
    var t0 = Math.min.apply(null, list.map(function (s) { return s.start; }));
    var t1 = Math.max.apply(null, list.map(function (s) { return s.start + (s.duration || 0); }));
    var total = Math.max(t1 - t0, 1);
    list.forEach(function (s) {
      var depth = 0;
      for (var p = s.parent; p && byId[p] && depth < 20; p = byId[p].parent) { depth++; }
      var row = document.createElement('div');
      row.className = 'row span';
      row.dataset.span = s.name;
      var name = document.createElement('span');
      name.className = 'name';
      name.style.paddingLeft = (depth * 10) + 'px';
      name.textContent = s.name;
      var track = document.createElement('div');
      track.className = 'track';
      var bar = document.createElement('div');
      bar.className = 'bar' + (s.error ? ' error' : '');
      bar.style.left = ((s.start - t0) / total * 100) + '%';
      bar.style.width = ((s.duration || 0) / total * 100) + '%';
      track.appendChild(bar);
      var took = document.createElement('span');
      took.textContent = s.duration == null ? 'open' : (s.duration / 1000).toFixed(2) + ' ms';
      row.appendChild(name);
      row.appendChild(track);
      row.appendChild(took);
      box.appendChild(row);
    });
  }

  function refreshStats() {
    fetch(api('api/stats')).then(function (r) { return r.json(); }).then(function (s) {
      var body = document.querySelector('#sinks tbody');
      body.textContent = '';
      Object.keys(s.sinks).forEach(function (name) {
        var k = s.sinks[name];
        var tr = document.createElement('tr');
        [name, k.routed, k.delivered, k.droppedTotal, k.pending, k.failures,
          k.queueCapacity ? k.queueDepth + ' / ' + k.queueCapacity : 'sync', k.circuit].forEach(function (v) { cell(tr, v); });
        body.appendChild(tr);
      });
      document.getElementById('live-figures').textContent = s.live.subscribers + ' live client(s), '
        + s.live.lost + ' event(s) lost by slow clients';
    }).catch(function () { /* the next refresh tries again */ });
  }

  function refreshSnapshots() {
    fetch(api('api/snapshots')).then(function (r) { return r.ok ? r.json() : { snapshots: [] }; }).then(function (s) {
      var ul = document.getElementById('snapshots');
      ul.textContent = '';
      s.snapshots.forEach(function (f) {
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = api('api/snapshots/' + encodeURIComponent(f.name));
        a.setAttribute('download', f.name);
        a.className = 'snapshot';
        a.textContent = f.name;
        li.appendChild(a);
        li.appendChild(document.createTextNode(' (' + Math.ceil(f.bytes / 1024) + ' KiB)'));
        ul.appendChild(li);
      });
    }).catch(function () { /* the next refresh tries again */ });
  }

  filters.addEventListener('submit', function (ev) {
    ev.preventDefault();
    tbody.textContent = '';
    notice.textContent = '';
    lastId = null;
    paused = false;
    document.getElementById('pause').textContent = 'Pause';
    connect(false);
  });

  document.getElementById('pause').addEventListener('click', function () {
    paused = !paused;
    this.textContent = paused ? 'Resume' : 'Pause';
    if (paused) {
      source.close();
      setStatus('paused', 'paused');
    } else {
      connect(true); // what arrived meanwhile comes from the buffer
    }
  });

  document.getElementById('take-snapshot').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var reason = new FormData(this).get('reason') || 'console';
    fetch(api('api/snapshots', [['reason', reason]]), { method: 'POST' }).then(function (r) {
      notice.textContent = r.status === 202 ? 'snapshot started' : 'snapshot skipped (cool-down or budget)';
      setTimeout(refreshSnapshots, 500);
    });
  });

  connect(false);
  refreshStats();
  refreshSnapshots();
  setInterval(refreshStats, 2000);
  setInterval(refreshSnapshots, 5000);
}());
