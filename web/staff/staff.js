/* Schängel staff console: login, queue, transcript, accept, reply, note, close, callbacks.
 * Every text that comes from a citizen (or anyone) is inserted with textContent, never as HTML.
 * No inline scripts or styles (CSP). */
(() => {
  'use strict';
  const API = '/api/staff/v1';
  const POLL_MS = 2000;
  let csrf = null;
  let me = null;
  let selected = null;
  let timer = null;

  const $ = (id) => document.getElementById(id);

  /** Build an element; children are strings (as text) or nodes. */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat()) {
      if (c == null || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }

  async function api(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
    const r = await fetch(API + path, {
      method, headers, credentials: 'same-origin', cache: 'no-store',
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    let data = null;
    try { data = await r.json(); } catch { data = null; }
    if (r.status === 401 && path !== '/login') showLogin();
    return { ok: r.ok, status: r.status, data };
  }

  const errorText = (res) => (res.data && res.data.error && res.data.error.message) || 'Die Anfrage ist fehlgeschlagen.';

  function minutes(seconds) {
    const m = Math.floor(seconds / 60);
    if (m < 1) return 'unter 1 Min.';
    if (m < 60) return `${m} Min.`;
    return `${Math.floor(m / 60)} Std. ${m % 60} Min.`;
  }
  const time = (iso) => (iso ? new Date(iso).toLocaleTimeString('de-DE', { hour: '2-digit', minute: '2-digit' }) : '');
  const STATES = { queued: 'wartet', connected: 'verbunden', closed: 'geschlossen', cancelled: 'abgebrochen', expired: 'nicht angenommen' };
  const REASONS = { request_human: 'Wunsch nach einer Person', case_status: 'Frage zum eigenen Antrag', fallback: 'Schängel hat nicht verstanden' };
  const BUTTONS = { '/affirm': 'Ja', '/deny': 'Nein', '/request_human': 'Mit einem Menschen sprechen' };
  const KINDS = { citizen: 'Bürger/in', staff: 'Mitarbeiter/in', bot: 'Schängel', note: 'Notiz', system: 'System' };

  // ------------------------------------------------------------------ views
  function showLogin() {
    stopPolling();
    me = null;
    csrf = null;
    $('console-view').hidden = true;
    $('who').hidden = true;
    $('login-view').hidden = false;
    $('username').focus();
  }

  function showConsole(data) {
    me = data.user;
    csrf = data.csrf_token;
    $('who-name').textContent = me.display_name ? `${me.display_name} (${me.username})` : me.username;
    $('who').hidden = false;
    $('login-view').hidden = true;
    $('console-view').hidden = false;
    refresh();
    stopPolling();
    timer = setInterval(refresh, POLL_MS);
  }

  function stopPolling() {
    if (timer) clearInterval(timer);
    timer = null;
  }

  // ------------------------------------------------------------------ queue
  async function refresh() {
    const [cases, callbacks] = await Promise.all([api('GET', '/cases'), api('GET', '/callbacks')]);
    if (cases.ok) renderCases(cases.data);
    if (callbacks.ok) renderCallbacks(callbacks.data.callbacks);
    if (selected) await loadCase(selected, false);
  }

  function renderCases(data) {
    $('hours-note').textContent = data.staff_open
      ? 'Chat-Zeiten: Das Team ist gerade im Dienst.'
      : 'Außerhalb der Chat-Zeiten: Bürgerinnen und Bürger bekommen Alternativen angeboten.';
    const list = $('cases');
    list.replaceChildren(...data.cases.map((c) => h('li', { class: c.id === selected ? 'selected' : null, 'data-case': c.id },
      h('button', { type: 'button', class: 'case-open', onclick: () => loadCase(c.id, true) },
        h('span', { class: `state state-${c.state}` }, STATES[c.state] || c.state), ' ',
        c.state === 'queued'
          ? `Position ${c.position} · wartet seit ${minutes(c.waiting_seconds)}`
          : `bei ${c.staff_name || '—'} · Wartezeit ${minutes(c.waiting_seconds)}`,
        h('span', { class: 'topic' }, c.topic || '(ohne Text)')))));
    $('no-cases').hidden = data.cases.length > 0;
  }

  function renderCallbacks(items) {
    $('callbacks').replaceChildren(...items.map((cb) => h('li', { 'data-callback': cb.id },
      h('strong', null, cb.contact_kind === 'phone' ? 'Rückruf: ' : 'E-Mail: '), cb.contact || '',
      h('span', { class: 'topic' }, cb.message || ''),
      h('span', { class: 'muted' }, `Einwilligung ${new Date(cb.consent_at).toLocaleString('de-DE')}`,
        cb.due_date ? ` · bis ${new Date(cb.due_date).toLocaleDateString('de-DE')}` : ''),
      h('br'),
      h('button', { type: 'button', class: 'btn', onclick: () => callbackDone(cb.id) }, 'Erledigt'))));
    $('no-callbacks').hidden = items.length > 0;
  }

  async function callbackDone(id) {
    const res = await api('POST', `/callbacks/${encodeURIComponent(id)}/done`);
    if (!res.ok) alertError(res);
    refresh();
  }

  // ------------------------------------------------------------------ case
  async function loadCase(id, focus) {
    selected = id;
    const res = await api('GET', `/cases/${encodeURIComponent(id)}`);
    if (!res.ok) {
      if (res.status === 404) { selected = null; $('detail').hidden = true; $('detail-empty').hidden = false; }
      return;
    }
    renderCase(res.data);
    document.querySelectorAll('#cases li').forEach((li) => li.classList.toggle('selected', li.dataset.case === id));
    if (focus) $('detail-title').focus();
  }

  function renderCase(data) {
    const c = data.case;
    $('detail-empty').hidden = true;
    $('detail').hidden = false;
    $('detail-title').setAttribute('tabindex', '-1');
    $('detail-meta').replaceChildren(
      h('span', { class: `state state-${c.state}` }, STATES[c.state] || c.state), ' ',
      `eingegangen ${time(c.created_at)}`,
      c.staff_name ? ` · angenommen von ${c.staff_name}` : '',
      c.reason ? ` · Anlass: ${REASONS[c.reason] || c.reason}` : '');
    $('accept').hidden = c.state !== 'queued';
    const mine = data.mine && c.state === 'connected';
    $('close').hidden = !mine;
    $('reply-form').hidden = !mine;
    $('transcript').replaceChildren(...data.transcript.map((e) => h('li', { class: `k-${e.from}` },
      h('span', { class: 'from' }, e.from === 'citizen' ? 'Bürger/in' : 'Schängel'),
      e.button ? h('span', { class: 'nlu' }, 'Schaltfläche: ') : null,
      h('span', { class: 'text' }, (e.button && BUTTONS[e.text]) || e.text || (e.card ? `[Karte: ${e.card.type}]` : '')),
      e.from === 'citizen' && e.intent
        ? h('span', { class: 'nlu' }, `erkannt: ${e.intent}${e.confidence != null ? ` (${Math.round(e.confidence * 100)} %)` : ''}`)
        : null,
      e.card && e.from === 'bot' ? h('span', { class: 'nlu' }, `Karte: ${e.card.type}${e.card.reason ? ' / ' + e.card.reason : ''}${
        e.card.coverage === 'reference' ? ' / Referenz (nicht im Katalog, ungeprüft)' : ''}`) : null)));
    const log = $('messages');
    const atBottom = log.scrollTop + log.clientHeight >= log.scrollHeight - 4;
    log.replaceChildren(...data.messages.map((m) => h('li', { class: `k-${m.kind}`, 'data-id': m.id },
      h('span', { class: 'from' }, m.kind === 'staff' && m.author ? m.author : (KINDS[m.kind] || m.kind)),
      h('span', { class: 'text' }, m.text || (m.card ? `[${m.card}]` : '')),
      h('span', { class: 'at' }, time(m.at)))));
    if (atBottom) log.scrollTop = log.scrollHeight;
  }

  function alertError(res) {
    $('detail-error').textContent = errorText(res);
  }

  async function act(path, body) {
    $('detail-error').textContent = '';
    const res = await api('POST', `/cases/${encodeURIComponent(selected)}${path}`, body);
    if (!res.ok) alertError(res);
    await refresh();
    return res.ok;
  }

  // ------------------------------------------------------------------ wiring
  function wire() {
    $('login-form').addEventListener('submit', async (ev) => {
      ev.preventDefault();
      $('login-error').textContent = '';
      const res = await api('POST', '/login', { username: $('username').value, password: $('password').value });
      $('password').value = '';
      if (res.ok) showConsole(res.data);
      else $('login-error').textContent = errorText(res);
    });
    $('logout').addEventListener('click', async () => {
      await api('POST', '/logout');
      selected = null;
      showLogin();
    });
    $('accept').addEventListener('click', () => act('/accept'));
    $('close').addEventListener('click', () => act('/close'));
    $('reply-form').addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const text = $('reply').value.trim();
      if (!text) return;
      if (await act('/messages', { text })) $('reply').value = '';
    });
    $('reply').addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) { ev.preventDefault(); $('reply-form').requestSubmit(); }
    });
    $('note-form').addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const text = $('note').value.trim();
      if (!text) return;
      if (await act('/notes', { text })) $('note').value = '';
    });
  }

  async function start() {
    wire();
    const res = await api('GET', '/me');
    if (res.ok) showConsole(res.data);
    else showLogin();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
})();
