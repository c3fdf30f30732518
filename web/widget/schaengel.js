/*!
 * Schängel – Chat-Widget der Stadt Koblenz.
 * Embed: <script src="https://…/widget/schaengel.js" data-api="https://…" defer></script>
 * Plain JavaScript, no dependencies. Documentation: docs/widget.md.
 */
(() => {
  'use strict';

  if (window.Schaengel) return; // embedded twice: keep the first instance

  // ---------------------------------------------------------------- options
  const script = document.currentScript || document.querySelector('script[src*="schaengel.js"]');
  const scriptUrl = new URL(script ? script.src : location.href, location.href);
  const opts = (script && script.dataset) || {};
  const API = (opts.api || scriptUrl.origin).replace(/\/+$/, '');
  const STORE_KEY = 'schaengel:v1';
  const MAX_TURNS = 200; // bound what sessionStorage holds
  const TIMEOUT_MS = 30000;

  // ------------------------------------------------------------------ texts
  // The UI chrome is translatable; bot and staff messages are marked lang="de".
  const TEXTS = {
    de: {
      launcher: 'Chat mit Schängel',
      title: 'Schängel – Chat der Stadt Koblenz',
      subtitle: 'KI-Assistent. Antworten können Fehler enthalten.',
      privacy: 'Datenschutz',
      clear: 'Verlauf löschen',
      close: 'Chat schließen',
      log: 'Gesprächsverlauf',
      input: 'Ihre Nachricht',
      hint: 'Bitte geben Sie keine Gesundheits- oder Kontodaten ein.',
      send: 'Senden',
      count: (n, max) => `${n} von ${max} Zeichen`,
      full: (max) => `Höchstlänge von ${max} Zeichen erreicht.`,
      typing: 'Schängel schreibt …',
      you: 'Sie',
      bot: 'Schängel',
      staff: 'Mitarbeiterin oder Mitarbeiter der Stadt Koblenz',
      staffShort: 'Stadt Koblenz',
      offline: (phone) => `Schängel ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal. Sie erreichen die Stadt Koblenz auch telefonisch unter ${phone}.`,
      failed: 'Nicht gesendet',
      retry: 'Erneut versuchen',
      invalid: 'Diese Nachricht konnte nicht gesendet werden.',
      call: (n) => `${n} anrufen`,
      rate: 'Hilfreich?',
      up: 'Ja, hilfreich',
      down: 'Nein, nicht hilfreich',
      thanks: 'Danke für Ihre Rückmeldung.',
      cleared: 'Der Verlauf wurde gelöscht.',
      choices: 'Antwortmöglichkeiten',
      fees: 'Kosten',
      docs: 'Unterlagen',
      duration: 'Bearbeitungszeit',
      office: 'Zuständig',
      online: 'Online beantragen',
      book: 'Termin buchen',
      info: 'Mehr Informationen',
      source: 'Quelle',
      reviewed: 'Stand',
      asOf: 'Stand der Quelle:',
      unreviewed: 'Diese Angaben sind noch nicht geprüft. Bitte prüfen Sie die aktuellen Angaben unter',
      why: 'Warum diese Antwort?',
      understood: 'Erkannte Anfrage',
      confidence: 'Sicherheit',
      matched: 'Passende Begriffe',
      today: 'Heute',
      appointment: 'Termin',
      appointmentOnly: 'Nur mit Termin',
      sample: 'Beispieldaten, von der Stadt noch zu bestätigen.',
      openNow: 'Jetzt geöffnet',
      closedNow: 'Jetzt geschlossen',
      address: 'Adresse',
      phone: 'Telefon',
      email: 'E-Mail',
      form: 'Kontaktformular',
      didYouMean: 'Meinten Sie:',
      referenceBadge: 'Allgemeine Auskunft – nicht von der Stadt Koblenz geprüft',
      referenceNote: 'Zu dieser Leistung hat Schängel keine geprüften Angaben der Stadt Koblenz: keine Gebühren, Unterlagen oder Fristen. Bitte fragen Sie bei der zuständigen Stelle oder unter 115 nach.',
      responsible: 'Zuständig',
      routing: 'Einschätzung',
      routingHigh: 'in der Regel zuständig',
      routingMedium: 'wahrscheinlich zuständig – bitte prüfen',
      unknownResponsible: 'nicht sicher bekannt',
      notCity: 'keine Stelle der Stadtverwaltung',
      cityServices: 'Leistungen der Stadt Koblenz',
      emergency: 'Notfall? Rufen Sie sofort an:',
      techError: 'Technische Störung. So erreichen Sie die Stadt Koblenz:',
      otherWays: 'Andere Wege zur Stadt Koblenz:',
      handoff: {
        offered: 'Sie können mit einer Mitarbeiterin oder einem Mitarbeiter der Stadt sprechen.',
        queued: 'Sie warten auf eine Mitarbeiterin oder einen Mitarbeiter. Sie können weiter schreiben, nichts geht verloren.',
        connected: 'Sie sind jetzt mit einer Mitarbeiterin oder einem Mitarbeiter der Stadt Koblenz verbunden.',
        closed: 'Das Gespräch mit der Mitarbeiterin oder dem Mitarbeiter ist beendet. Schängel antwortet Ihnen wieder.',
        unavailable: 'Gerade ist leider niemand erreichbar. So erreichen Sie die Stadt Koblenz:',
      },
      position: (n) => `Ihre Position in der Warteschlange: ${n}.`,
      wait: (n) => `Voraussichtliche Wartezeit: etwa ${n} Minuten.`,
      connectedWith: (name) => `Sie sind jetzt mit ${name} von der Stadt Koblenz verbunden.`,
      image: 'Bild öffnen',
      broken: 'Diese Nachricht kann nicht angezeigt werden.',
    },
    en: {
      launcher: 'Chat with Schängel',
      title: 'Schängel – City of Koblenz chat',
      subtitle: 'AI assistant. Answers may contain mistakes.',
      privacy: 'Privacy',
      clear: 'Delete history',
      close: 'Close chat',
      log: 'Conversation',
      input: 'Your message',
      hint: 'Please do not enter health or bank details.',
      send: 'Send',
      count: (n, max) => `${n} of ${max} characters`,
      full: (max) => `Maximum length of ${max} characters reached.`,
      typing: 'Schängel is typing …',
      you: 'You',
      staff: 'Member of staff, City of Koblenz',
      staffShort: 'City of Koblenz',
      offline: (phone) => `Schängel cannot be reached right now. Please try again shortly. You can also call the City of Koblenz on ${phone}.`,
      failed: 'Not sent',
      retry: 'Try again',
      invalid: 'This message could not be sent.',
      call: (n) => `Call ${n}`,
      rate: 'Helpful?',
      up: 'Yes, helpful',
      down: 'No, not helpful',
      thanks: 'Thank you for your feedback.',
      cleared: 'The history has been deleted.',
      choices: 'Options',
    },
  };
  let lang = TEXTS[opts.lang] ? opts.lang : 'de';
  // Missing English strings fall back to German.
  const t = (key) => (TEXTS[lang][key] !== undefined ? TEXTS[lang][key] : TEXTS.de[key]);

  // ------------------------------------------------------------------ state
  // `state` is null until the citizen opens the chat: before that nothing is
  // stored and nothing is sent. Afterwards it lives in sessionStorage (this tab
  // only), so the conversation survives a navigation within the site.
  let state = null;
  const memoryStore = {}; // used when sessionStorage is blocked
  const storage = {
    get() {
      try { return sessionStorage.getItem(STORE_KEY); } catch { return memoryStore.v || null; }
    },
    set(v) {
      try { sessionStorage.setItem(STORE_KEY, v); } catch { memoryStore.v = v; }
    },
    drop() {
      try { sessionStorage.removeItem(STORE_KEY); } catch { delete memoryStore.v; }
    },
  };

  function restore() {
    try {
      const s = JSON.parse(storage.get() || 'null');
      return s && /^[A-Za-z0-9_-]{8,64}$/.test(s.sid) && Array.isArray(s.turns) ? s : null;
    } catch {
      return null;
    }
  }

  function freshState() {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    const sid = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    return { sid, turns: [], open: false, greeted: false, feedback: {}, cfg: null, handoff: null, after: null, eventsToken: null };
  }

  function save() {
    if (!state) return;
    if (state.turns.length > MAX_TURNS) state.turns = state.turns.slice(-MAX_TURNS);
    storage.set(JSON.stringify(state));
  }

  const defaults = {
    max_message_length: Number(opts.maxLength) || 1000,
    privacy_url: opts.privacyUrl || '/datenschutz',
    phone: opts.phone || '115',
    greeting: true,
  };
  const cfg = () => Object.assign({}, defaults, state && state.cfg);

  // -------------------------------------------------------------- DOM utils
  // Every node is built with createElement/append: text from the bot, staff or
  // citizen only ever becomes a Text node, never markup.
  function h(tag, attrs, ...kids) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : v);
    }
    for (const kid of kids.flat(Infinity)) if (kid != null && kid !== false && kid !== '') el.append(kid);
    return el;
  }

  const ICONS = {
    chat: 'M4 4h16v11H8l-4 4z',
    close: 'M6 6l12 12M18 6L6 18',
    up: 'M2 10h4v11H2zM8 21h9.5l3-8V10h-6.5l1-5-1.5-2L8 10z',
    down: 'M2 3h4v11H2zM8 3h9.5l3 8v3h-6.5l1 5-1.5 2L8 14z',
    person: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c0-4.4 3.6-7 8-7s8 2.6 8 7z',
  };
  function icon(name) {
    const NS = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    svg.setAttribute('class', 'icon');
    const path = document.createElementNS(NS, 'path');
    path.setAttribute('d', ICONS[name]);
    svg.append(path);
    return svg;
  }

  const srOnly = (text) => h('span', { class: 'sr-only' }, text);

  /** Absolute URL if it is http(s), mailto or tel; null for anything else (javascript:, data:, …). */
  function safeUrl(raw) {
    if (typeof raw !== 'string' || !raw.trim()) return null;
    try {
      const url = new URL(raw.trim(), API + '/');
      return /^(https?|mailto|tel):$/.test(url.protocol) ? url.href : null;
    } catch {
      return null;
    }
  }

  function link(href, label, cls) {
    const url = safeUrl(href);
    if (!url) return label; // unsafe or missing URL: keep the words, drop the link
    const foreign = /^https?:/.test(url) && new URL(url).origin !== location.origin;
    return h('a', { href: url, class: cls, rel: foreign ? 'noopener noreferrer' : null }, label);
  }

  const telLink = (number, label, cls) =>
    link('tel:' + String(number).replace(/[^\d+]/g, ''), label || String(number), cls);

  // ---------------------------------------------------------- safe Markdown
  // Supported: paragraphs, line breaks, "- " / "1. " lists, **bold**,
  // [label](url) and bare http(s) URLs. Everything else stays literal text.
  const INLINE = /\*\*(.+?)\*\*|\[([^\]\n]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s<>"]*[^\s<>".,;:!?)])/g;

  function inline(text) {
    const out = [];
    let last = 0;
    for (const m of text.matchAll(INLINE)) {
      out.push(text.slice(last, m.index));
      if (m[1] !== undefined) out.push(h('strong', null, inline(m[1])));
      else if (m[2] !== undefined) out.push(link(m[3], m[2]));
      else out.push(link(m[4], m[4]));
      last = m.index + m[0].length;
    }
    out.push(text.slice(last));
    return out;
  }

  function markdown(text) {
    const frag = document.createDocumentFragment();
    let list = null;
    let para = null;
    for (const line of String(text).replace(/\r\n?/g, '\n').split('\n')) {
      const item = /^\s*(?:([-*•])|\d+[.)])\s+(.*)$/.exec(line);
      if (item) {
        const tag = item[1] ? 'UL' : 'OL';
        if (!list || list.tagName !== tag) frag.append((list = h(tag)));
        list.append(h('li', null, inline(item[2])));
        para = null;
      } else if (!line.trim()) {
        list = para = null;
      } else if (para) {
        para.append(h('br'), ...inline(line));
      } else {
        list = null;
        frag.append((para = h('p', null, inline(line))));
      }
    }
    return frag;
  }

  // ---------------------------------------------------------- value helpers
  const isoDate = (s) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(s));
    return m ? `${m[3]}.${m[2]}.${m[1]}` : String(s);
  };
  const euro = (n) => n.toLocaleString('de-DE', { style: 'currency', currency: 'EUR' });

  /** Render a loosely structured card field: string, number (euro), list, or {label, amount|text|value}. */
  function value(v) {
    if (v == null || v === '') return null;
    if (typeof v === 'number') return euro(v);
    if (Array.isArray(v)) {
      const items = v.map(value).filter((x) => x != null);
      return items.length ? h('ul', null, items.map((x) => h('li', null, x))) : null;
    }
    if (typeof v === 'object') {
      if (typeof v.text === 'string' && v.text) return v.text; // already rendered by the bot
      const label = v.label || v.name || v.title;
      const main = value([v.amount_eur, v.amount, v.value].find((x) => x != null));
      return label ? [String(label), main != null ? ': ' : '', main] : main;
    }
    return String(v);
  }

  const address = (a) =>
    a && typeof a === 'object' && !Array.isArray(a)
      ? [a.street, [a.postcode || a.zip, a.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')
      : value(a);

  function facts(rows) {
    const present = rows.filter(([, v]) => v != null && !(Array.isArray(v) && !v.length));
    return present.length ? h('dl', null, present.map(([k, v]) => [h('dt', null, k), h('dd', null, v)])) : null;
  }

  /** The date a source shows, as precise as it shows it: "07.08.2025", "08.2025" or "2021". */
  const asOf = (s) => {
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(String(s));
    return m ? [m[3], m[2], m[1]].filter(Boolean).join('.') : null;
  };

  /** "Quelle: …, Stand: …"; unreviewed facts say so unless the card already carries that notice. */
  function source(src, noticeShown) {
    if (!src || typeof src !== 'object') return null;
    const dated = src.as_of && asOf(src.as_of) ? ` (${t('asOf')} ${asOf(src.as_of)})` : '';
    if (!src.reviewed && noticeShown) {
      return h('p', { class: 'source' }, `${t('source')}: `, link(src.url, src.name || src.url), dated);
    }
    if (!src.reviewed) {
      return h('p', { class: 'source' }, t('unreviewed'), ' ', link(src.url, src.name || src.url), dated, '.');
    }
    return h('p', { class: 'source' }, `${t('source')}: `, link(src.url, src.name || src.url), dated,
      `, ${t('reviewed')}: ${isoDate(src.reviewed)}`);
  }

  function why(w) {
    if (!w || typeof w !== 'object') return null;
    const confidence = typeof w.confidence === 'number' ? `${Math.round(w.confidence * 100)} %` : null;
    return h('details', { class: 'why' },
      h('summary', null, t('why')),
      facts([[t('understood'), value(w.label || w.intent)], [t('confidence'), confidence], [t('matched'), value(w.matched)]]));
  }

  function alternatives(a) {
    if (!a || typeof a !== 'object') return null;
    const items = [
      a.phone && [t('phone') + ': ', telLink(a.phone)],
      a.email && [t('email') + ': ', link('mailto:' + a.email, a.email)],
      a.form_url && link(a.form_url, t('form')),
    ].filter(Boolean);
    return items.length ? h('ul', { class: 'alternatives' }, items.map((x) => h('li', null, x))) : null;
  }

  const cardBox = (type, title, ...kids) =>
    h('div', { class: 'card card-' + type }, title ? h('h3', null, title) : null, kids);

  // ------------------------------------------------------------------ cards
  // One renderer per `custom.type` of the reply contract. Each returns a node
  // (or null) and may not assume optional fields exist.
  const CARDS = {
    service(c) {
      if (c.coverage === 'reference') return referenceCard(c);
      const links = [
        c.online_url && link(c.online_url, t('online'), 'btn btn-primary'),
        c.appointment_url && link(c.appointment_url, t('book'), 'btn'),
        c.info_url && link(c.info_url, t('info'), 'btn'),
      ].filter(Boolean);
      const offices = (Array.isArray(c.offices) ? c.offices : [c.office]).map((o) =>
        o && typeof o === 'object' ? [o.name, o.address && address(o.address)].filter(Boolean).join(', ') : o);
      const fees = value(c.fees != null ? c.fees : c.costs);
      const summary = c.summary || c.description;
      const notice = typeof c.notice === 'string' && c.notice;
      return cardBox('service', String(c.title || ''),
        summary ? h('div', { class: 'md' }, markdown(summary)) : null,
        facts([[t('fees'), fees && c.fees_note ? [fees, h('p', null, String(c.fees_note))] : fees],
          [t('docs'), value(c.documents)], [t('duration'), value(c.processing_time)],
          [t('office'), value([c.authority, ...offices].filter(Boolean).join(', '))]]),
        links.length ? h('p', { class: 'links' }, links) : null,
        notice ? h('p', { class: 'check' }, inline(notice)) : null,
        source(c.source, !!notice),
        why(c.why));
    },

    opening_hours(c) {
      const open = c.open_now === true;
      // `text` is the bot's full sentence (it names unreviewed data itself).
      const sentence = typeof c.text === 'string' && c.text;
      return cardBox('hours', String(c.office || ''),
        typeof c.open_now === 'boolean'
          ? h('p', { class: 'badge ' + (open ? 'is-open' : 'is-closed') }, open ? t('openNow') : t('closedNow'))
          : null,
        sentence ? h('p', null, inline(sentence)) : null,
        facts([[t('today'), value(c.today_text || (typeof c.today === 'string' ? c.today : null))],
          [t('address'), address(c.address)], [t('phone'), c.phone ? telLink(c.phone) : null],
          [t('appointment'), c.appointment_only ? t('appointmentOnly') : null]]),
        c.appointment_url ? h('p', { class: 'links' }, link(c.appointment_url, t('book'), 'btn')) : null,
        c.sample_data ? h('p', { class: 'source' }, t('sample')) : null,
        source(c.source, !!sentence),
        why(c.why));
    },

    clarify(c, turn) {
      // The same choices also come as buttons; only list them when they don't.
      if (turn.msgs.some((m) => Array.isArray(m.buttons) && m.buttons.length)) return null;
      const titles = (Array.isArray(c.candidates) ? c.candidates : []).map((x) => x && x.title).filter(Boolean);
      return titles.length ? cardBox('clarify', null, h('p', null, t('didYouMean')), value(titles)) : null;
    },

    emergency(c) {
      const numbers = Array.isArray(c.numbers) && c.numbers.length ? c.numbers
        : [{ label: 'Feuerwehr und Rettungsdienst', number: '112' }, { label: 'Polizei', number: '110' }];
      const lines = Array.isArray(c.help_lines) ? c.help_lines.filter((n) => n && n.number) : [];
      return cardBox('emergency', t('emergency'),
        h('ul', null, numbers.map((n) =>
          h('li', null, telLink(n.number, [h('strong', null, String(n.number)), ' ', String(n.label || '')], 'tel')))),
        lines.length ? h('p', { class: 'help-lines-title' }, 'Hilfe und Beratung am Telefon:') : null,
        lines.length ? h('ul', { class: 'help-lines' }, lines.map((n) =>
          h('li', null, telLink(n.number, [h('strong', null, String(n.label || '')), ' ', String(n.number)], 'tel'),
            n.note ? h('span', { class: 'note' }, ' (' + String(n.note) + ')') : null))) : null);
    },

    fallback(c) {
      const alt = alternatives(c.alternatives || { phone: cfg().phone });
      return cardBox('fallback', null, h('p', null, c.reason === 'technical_error' ? t('techError') : t('otherWays')), alt);
    },

    handoff(c) {
      const texts = t('handoff');
      const lines = [];
      if (c.state === 'connected' && c.staff_name) lines.push(t('connectedWith')(String(c.staff_name)));
      else lines.push(texts[c.state] || String(c.state || ''));
      if (c.state === 'queued') {
        if (c.position != null) lines.push(t('position')(Number(c.position)));
        if (c.wait_minutes != null) lines.push(t('wait')(Number(c.wait_minutes)));
      }
      const showAlternatives = ['offered', 'queued', 'unavailable'].includes(c.state);
      return cardBox('handoff handoff-' + String(c.state).replace(/\W/g, ''), null,
        lines.map((x) => h('p', null, x)),
        showAlternatives ? alternatives(c.alternatives) : null);
    },
  };

  /**
   * A service the city catalogue does not hold (coverage "reference"): named, with who is responsible,
   * visibly marked as not checked by the city, and never with fees, documents or deadlines.
   */
  function referenceCard(c) {
    const r = c.responsible && typeof c.responsible === 'object' ? c.responsible : null;
    const who = r ? [String(r.name || ''), r.kind && r.kind !== 'city' ? ` (${t('notCity')})` : ''] : t('unknownResponsible');
    const sure = c.routing_certainty === 'high' ? t('routingHigh') : c.routing_certainty === 'medium' ? t('routingMedium') : null;
    return h('div', { class: 'card card-service card-reference' },
      h('p', { class: 'badge badge-reference' }, t('referenceBadge')),
      c.title ? h('h3', null, String(c.title)) : null,
      facts([[t('responsible'), r && r.url ? link(r.url, who) : who], [t('routing'), sure]]),
      h('p', { class: 'check' }, t('referenceNote')),
      c.info_url ? h('p', { class: 'links' }, link(c.info_url, t('cityServices'), 'btn')) : null,
      source(c.source, true),
      why(c.why));
  }

  /** Unknown card types degrade to whatever text they carry. */
  function genericCard(c) {
    const text = [c.title, c.text].filter((x) => typeof x === 'string').join('\n');
    return text ? cardBox('generic', null, markdown(text)) : null;
  }

  // --------------------------------------------------------------- messages
  const senderOf = (m) => (m && m.sender === 'staff' ? 'staff' : 'bot');

  /** Build one message; never throws, so one bad message cannot break later ones. */
  function renderMessage(m, turn) {
    try {
      const parts = [];
      if (typeof m.text === 'string' && m.text.trim()) parts.push(h('div', { class: 'bubble', lang: 'de' }, markdown(m.text)));
      if (m.custom && typeof m.custom === 'object') {
        const render = Object.prototype.hasOwnProperty.call(CARDS, m.custom.type) ? CARDS[m.custom.type] : genericCard;
        const card = render(m.custom, turn);
        if (card && card.childNodes.length) {
          card.setAttribute('lang', 'de');
          parts.push(card);
        }
      }
      if (typeof m.image === 'string') parts.push(h('p', null, link(m.image, t('image'))));
      if (Array.isArray(m.buttons) && m.buttons.length) {
        parts.push(h('div', { class: 'choices', role: 'group', 'aria-label': t('choices') },
          m.buttons.filter((b) => b && b.title).map((b) => h('button', {
            type: 'button',
            class: 'btn choice',
            lang: 'de',
            onclick: () => send(String(b.title), b.payload != null ? String(b.payload) : null),
          }, String(b.title)))));
      }
      return parts;
    } catch (err) {
      console.warn('Schängel: message could not be rendered', err); // eslint-disable-line no-console
      return [h('p', { class: 'bubble' }, t('broken'))];
    }
  }

  function feedbackControls(turn) {
    const id = turn.msgs[0] && turn.msgs[0].id;
    if (!id) return null;
    const label = h('span', { class: 'rate-label', id: 'sg-rate-' + String(id).replace(/[^\w-]/g, '_') }, t('rate'));
    const buttons = ['up', 'down'].map((rating) => h('button', {
      type: 'button',
      class: 'rate rate-' + rating,
      'aria-pressed': String(state.feedback[id] === rating),
      onclick: (ev) => rate(id, rating, ev.currentTarget.parentNode),
    }, icon(rating), srOnly(t(rating))));
    return h('div', { class: 'feedback', role: 'group', 'aria-labelledby': label.id }, label, buttons);
  }

  /** Render one turn as a list item; returns [element, text to announce]. */
  function renderTurn(turn) {
    if (turn.who === 'user') {
      const li = h('li', { class: 'turn user' },
        h('p', { class: 'bubble' }, srOnly(t('you') + ': '), turn.text),
        turn.failed ? h('p', { class: 'failed' }, t('failed')) : null);
      return [li, ''];
    }
    const staff = turn.who === 'staff';
    // Rated: bot answers. Not rated: the greeting, people, and handoff state notices.
    const rateable = !staff && !turn.greet && !turn.msgs.some((m) => m.custom && m.custom.type === 'handoff');
    const name = staff ? (turn.msgs.find((m) => m.sender_name) || {}).sender_name : null;
    const li = h('li', { class: 'turn ' + (staff ? 'staff' : 'bot') },
      staff
        ? h('p', { class: 'who' }, icon('person'), name ? `${name} (${t('staffShort')})` : t('staff'))
        : srOnly(t('bot') + ': '),
      turn.msgs.map((m) => renderMessage(m, turn)),
      rateable ? feedbackControls(turn) : null);
    // Announce the words of the turn, not the buttons and feedback controls.
    // (Facts lists and "Warum diese Antwort?" stay in the transcript only.)
    const spoken = [...li.querySelectorAll('.bubble, .card h3, .card p, .card li')]
      .filter((el) => !el.closest('dl, details'))
      .map((el) => el.textContent.trim());
    const who = staff ? (name || t('staff')) : 'Schängel';
    return [li, `${who}: ${spoken.join(' ')}`];
  }

  // ----------------------------------------------------------------- the UI
  let host, root, launcher, dialog, logBox, list, typing, form, input, counter, live, privacyLink;
  let busy = 0;
  let fullAnnounced = false;

  function build() {
    host = host || document.createElement('schaengel-widget');
    host.setAttribute('lang', lang);
    const shadow = host.shadowRoot || host.attachShadow({ mode: 'open' }); // open: testable with axe
    const css = h('link', { rel: 'stylesheet', href: new URL('schaengel.css', scriptUrl).href });
    // Hidden until the stylesheet is there, so the launcher never flashes unstyled.
    root = h('div', { class: opts.position === 'left' ? 'root left' : 'root', lang, hidden: true });
    const reveal = () => { root.hidden = false; };
    css.addEventListener('load', reveal);
    css.addEventListener('error', reveal);
    setTimeout(reveal, 3000);

    launcher = h('button', {
      type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'sg-dialog', onclick: toggle,
    }, icon('chat'), h('span', null, t('launcher')));

    privacyLink = h('a', { href: safeUrl(cfg().privacy_url) }, t('privacy'));
    list = h('ol', { class: 'turns' });
    typing = h('p', { class: 'typing', hidden: true }, h('span', { class: 'dots', 'aria-hidden': 'true' }, h('span'), h('span'), h('span')), ' ', t('typing'));
    // Focusable so keyboard users can scroll it; not a live region itself (the
    // single polite live region below announces each new turn exactly once).
    logBox = h('div', { class: 'log', role: 'region', 'aria-label': t('log'), tabindex: '0', onscroll: onLogScroll }, list, typing);
    input = h('textarea', {
      id: 'sg-input', rows: '2', maxlength: String(cfg().max_message_length),
      'aria-describedby': 'sg-hint sg-count', autocomplete: 'off',
      oninput: updateCounter, onkeydown: onInputKey,
    });
    counter = h('p', { id: 'sg-count', class: 'count' });
    form = h('form', { class: 'composer', onsubmit: onSubmit },
      h('label', { for: 'sg-input' }, t('input')),
      h('div', { class: 'row' }, input, h('button', { type: 'submit', class: 'btn btn-primary send' }, t('send'))),
      h('div', { class: 'meta' }, h('p', { id: 'sg-hint', class: 'hint' }, t('hint')), counter));

    dialog = h('section', { id: 'sg-dialog', class: 'dialog', role: 'dialog', 'aria-labelledby': 'sg-title', hidden: true },
      h('header', null,
        h('div', { class: 'heading' },
          h('h2', { id: 'sg-title' }, t('title')),
          h('p', { class: 'subtitle' }, t('subtitle'), ' ', privacyLink)),
        h('div', { class: 'tools' },
          h('button', { type: 'button', class: 'btn btn-small clear', onclick: clearHistory }, t('clear')),
          h('button', { type: 'button', class: 'icon-btn close', onclick: () => close() }, icon('close'), srOnly(t('close'))))),
      logBox, form);

    live = h('div', { class: 'sr-only', 'aria-live': 'polite' });
    root.append(launcher, dialog, live);
    root.addEventListener('keydown', onEscape); // in the dialog and on the launcher
    shadow.replaceChildren(css, root);
    if (!host.isConnected) document.body.append(host);
    updateCounter();
  }

  function renderAll() {
    list.replaceChildren();
    if (!state) return;
    for (const turn of state.turns) list.append(renderTurn(turn)[0]);
    scrollDown();
  }

  function append(turn, announceIt) {
    const [li, spoken] = renderTurn(turn);
    list.append(li);
    scrollDown();
    if (announceIt && spoken) announce(spoken);
  }

  function scrollDown() {
    logBox.scrollTop = logBox.scrollHeight;
  }

  // Keep the newest message in view when the viewport changes (rotation, an
  // on-screen keyboard, zoom), unless the citizen has scrolled up to read.
  let pinned = true;
  function onLogScroll() {
    pinned = logBox.scrollHeight - logBox.scrollTop - logBox.clientHeight < 48;
  }
  addEventListener('resize', () => { if (pinned && logBox) scrollDown(); });

  let announceTimer;
  function announce(text) {
    // Clear first so that an identical text is announced again.
    live.textContent = '';
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => { live.textContent = text; }, 50);
  }

  function setBusy(delta) {
    busy += delta;
    typing.hidden = busy <= 0;
    if (busy > 0) scrollDown();
  }

  function updateCounter() {
    const max = cfg().max_message_length;
    const n = input.value.length;
    counter.textContent = t('count')(n, max);
    counter.classList.toggle('full', n >= max);
    if (n >= max && !fullAnnounced) announce(t('full')(max));
    fullAnnounced = n >= max;
  }

  function applyConfig() {
    const c = cfg();
    input.setAttribute('maxlength', String(c.max_message_length));
    const url = safeUrl(c.privacy_url);
    if (url) privacyLink.href = url;
    updateCounter();
  }

  // ----------------------------------------------------------------- events
  function onSubmit(ev) {
    ev.preventDefault();
    const text = input.value;
    if (!text.trim()) return;
    // Cleared synchronously: a second Enter or click finds an empty field.
    input.value = '';
    updateCounter();
    send(text.trim(), null);
  }

  function onInputKey(ev) {
    // Enter sends, Shift+Enter makes a new line; not while an IME is composing.
    if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) {
      ev.preventDefault();
      form.requestSubmit();
    }
  }

  function onEscape(ev) {
    if (ev.key === 'Escape' && !dialog.hidden) {
      ev.preventDefault();
      close();
    }
  }

  // -------------------------------------------------------------- open/close
  function open(moveFocus = true) {
    if (!state) state = restore() || freshState();
    state.open = true;
    save();
    dialog.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    root.classList.add('is-open');
    scrollDown();
    if (moveFocus) input.focus();
    start();
  }

  function close(returnFocus = true) {
    if (dialog.hidden) return;
    dialog.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    root.classList.remove('is-open');
    if (state) {
      state.open = false;
      save();
    }
    if (returnFocus) launcher.focus();
  }

  function toggle() {
    if (dialog.hidden) open();
    else close();
  }

  /** First open in this tab: fetch the settings, then ask the bot for its greeting. */
  let started = null;
  function start() {
    if (started) return started;
    started = (state.cfg ? Promise.resolve() : loadConfig()).then(() => {
      if (!state) return; // history deleted while the settings were loading
      applyConfig();
      if (!state.greeted && cfg().greeting !== false) {
        state.greeted = true;
        save();
        send('', '/greet');
      }
      if (state.handoff === 'queued' || state.handoff === 'connected') poll();
    });
    return started;
  }

  async function loadConfig() {
    try {
      const r = await request('GET', '/api/v1/config');
      if (!r.ok) return;
      const c = await r.json();
      const clean = {};
      if (Number.isInteger(c.max_message_length) && c.max_message_length > 0) clean.max_message_length = c.max_message_length;
      if (typeof c.privacy_url === 'string') clean.privacy_url = c.privacy_url;
      if (typeof c.phone === 'string' && c.phone) clean.phone = c.phone;
      if (typeof c.greeting === 'boolean') clean.greeting = c.greeting;
      if (!state) return;
      state.cfg = clean;
      save();
    } catch {
      // Defaults stay in force; the chat request will report the outage.
    }
  }

  // ---------------------------------------------------------------- network
  function request(method, path, body, timeout = TIMEOUT_MS, extraHeaders = null) {
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), timeout);
    const headers = Object.assign(body ? { 'Content-Type': 'application/json' } : {}, extraHeaders);
    return fetch(API + path, {
      method,
      headers,
      body: body ? JSON.stringify(body) : undefined,
      credentials: 'omit', // never send or accept cookies
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: ctrl.signal,
    }).finally(() => clearTimeout(timer));
  }

  // Requests go out one after another, in order. `inFlight` drops an identical
  // send while the first is still on its way (double click, double Enter).
  let chain = Promise.resolve();
  const inFlight = new Set();

  function send(text, payload) {
    if (!state) return;
    const key = `${payload || ''}\n${text}`;
    if (inFlight.has(key)) return;
    inFlight.add(key);
    let turn = null;
    if (text) {
      turn = { who: 'user', text };
      state.turns.push(turn);
      save();
      append(turn, false);
    }
    const body = { session_id: state.sid, text };
    if (payload != null) body.payload = payload;
    const sid = state.sid;
    chain = chain.then(() => post(body, turn, sid)).finally(() => inFlight.delete(key));
  }

  async function post(body, turn, sid) {
    if (!state || state.sid !== sid) return; // history was deleted meanwhile
    clearNotice();
    setBusy(1);
    try {
      const r = await request('POST', '/api/v1/chat', body);
      if (!state || state.sid !== sid) return;
      if (r.ok) {
        const data = await r.json();
        // The secret of this session's live-message stream (GET /api/v1/events), sent in a header.
        if (typeof data.events_token === 'string') state.eventsToken = data.events_token;
        if (turn && turn.failed) {
          delete turn.failed;
          renderAll();
        }
        receive(Array.isArray(data.messages) ? data.messages : [], body.payload === '/greet');
        return;
      }
      if (r.status >= 500) throw new Error('HTTP ' + r.status);
      // 4xx (validation, rate limit): the gateway's German message; a retry
      // only makes sense for the rate limit.
      const err = await r.json().catch(() => null);
      const message = (err && err.error && typeof err.error.message === 'string' && err.error.message) || t('invalid');
      markFailed(turn);
      showNotice(message, r.status === 429 ? () => retry(body, turn, sid) : null);
    } catch {
      if (!state || state.sid !== sid) return;
      markFailed(turn);
      showNotice(t('offline')(cfg().phone), () => retry(body, turn, sid), true);
    } finally {
      setBusy(-1);
      save();
    }
  }

  function retry(body, turn, sid) {
    chain = chain.then(() => post(body, turn, sid));
  }

  function markFailed(turn) {
    if (turn && !turn.failed) {
      turn.failed = true;
      renderAll();
    }
  }

  /** Take bot/staff messages (from a chat reply or the live-event poller) into the transcript. */
  function receive(messages, greet) {
    const seen = new Set(state.turns.flatMap((x) => (x.msgs || []).map((m) => m.id)));
    const fresh = messages.filter((m) => m && typeof m === 'object' && !(m.id && seen.has(m.id)));
    const turns = [];
    for (const m of fresh) {
      const who = senderOf(m);
      const last = turns[turns.length - 1];
      if (last && last.who === who) last.msgs.push(m);
      else turns.push({ who, msgs: [m], greet: greet || undefined });
      const c = m.custom;
      if (c && c.type === 'handoff' && typeof c.state === 'string') state.handoff = c.state;
    }
    const spoken = [];
    let first = null;
    for (const turn of turns) {
      state.turns.push(turn);
      const [li, text] = renderTurn(turn);
      list.append(li);
      spoken.push(text);
      first = first || li;
    }
    // Show the start of the answer: a long answer is read from its top, not its end.
    scrollDown();
    if (first) logBox.scrollTop = Math.min(logBox.scrollTop, first.offsetTop - 12);
    if (spoken.length) announce(spoken.join(' '));
    save();
    if (state.handoff === 'queued' || state.handoff === 'connected') poll();
  }

  // While a person is (about to be) connected, staff messages arrive through a
  // long poll. Session id and events token travel in headers, never in the URL.
  // A gateway without that endpoint answers 404 and we stop.
  let polling = false;
  async function poll() {
    if (polling || !state.eventsToken) return;
    polling = true;
    const sid = state.sid;
    try {
      while (state && state.sid === sid && (state.handoff === 'queued' || state.handoff === 'connected')) {
        try {
          const after = state.after ? '?after=' + encodeURIComponent(state.after) : '';
          const r = await request('GET', `/api/v1/events${after}`, null, 70000,
            { 'X-Session-Id': sid, 'X-Events-Token': state.eventsToken });
          if (r.status === 403 || r.status === 404 || r.status === 405 || r.status === 501) break;
          if (!r.ok) throw new Error('HTTP ' + r.status);
          const data = await r.json();
          if (!state || state.sid !== sid) break;
          const events = Array.isArray(data.events) ? data.events : [];
          for (const ev of events) if (ev && ev.id != null) state.after = String(ev.id);
          receive(events.map((ev) => ev && ev.message).filter(Boolean), false);
          // The gateway also reports the case's state: null = no open case any more.
          if (data.handoff === null && !events.length) state.handoff = null;
          else if (data.handoff && typeof data.handoff.state === 'string') state.handoff = data.handoff.state;
          save();
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 5000));
        }
      }
    } finally {
      polling = false;
    }
  }

  // Feedback: optimistic, reverted if the gateway does not take it.
  async function rate(id, rating, group) {
    const before = state.feedback[id];
    const mark = (value) => group.querySelectorAll('button').forEach((b) =>
      b.setAttribute('aria-pressed', String(b.classList.contains('rate-' + value))));
    state.feedback[id] = rating;
    save();
    mark(rating);
    try {
      const r = await request('POST', '/api/v1/feedback', { session_id: state.sid, message_id: id, rating });
      if (!r.ok) throw new Error('HTTP ' + r.status);
      announce(t('thanks'));
    } catch {
      if (before) state.feedback[id] = before;
      else delete state.feedback[id];
      save();
      mark(before);
    }
  }

  // Offline / error notice: one at a time, at the end of the transcript.
  let notice = null;
  function showNotice(text, onRetry, withPhone) {
    clearNotice();
    const phone = cfg().phone;
    notice = h('li', { class: 'notice' },
      h('p', null, text),
      h('p', { class: 'links' },
        onRetry ? h('button', { type: 'button', class: 'btn btn-primary retry', onclick: onRetry }, t('retry')) : null,
        withPhone ? telLink(phone, t('call')(phone), 'btn') : null));
    list.append(notice);
    scrollDown();
    announce(text);
  }

  function clearNotice() {
    if (notice) notice.remove();
    notice = null;
  }

  /** "Verlauf löschen": forget this tab's conversation; an open chat starts anew. */
  function clearHistory() {
    storage.drop();
    started = null;
    state = null;
    clearNotice();
    renderAll();
    announce(t('cleared'));
    if (!dialog.hidden) open(false); // new session id and a new greeting
  }

  function setLanguage(next) {
    if (!TEXTS[next] || next === lang) return;
    lang = next;
    const wasOpen = dialog && !dialog.hidden;
    build();
    renderAll();
    if (wasOpen) open();
  }

  // ------------------------------------------------------------------ start
  function mount() {
    build();
    // Navigation within the tab: re-render what this tab already said. Reading
    // sessionStorage stores nothing; without an earlier conversation it is empty.
    const previous = restore();
    if (previous) {
      state = previous;
      applyConfig();
      renderAll();
      // Re-open without taking focus; on small screens the chat would cover
      // the new page, so it stays closed there.
      if (state.open && matchMedia('(min-width: 40em)').matches) open(false);
      else if (state.handoff === 'queued' || state.handoff === 'connected') start();
    }
  }

  // Optional API for the host page; calls before the widget is mounted are ignored.
  window.Schaengel = Object.freeze({
    open: () => dialog && open(),
    close: () => dialog && close(),
    toggle: () => dialog && toggle(),
    setLanguage: (next) => dialog && setLanguage(next),
    clearHistory: () => dialog && clearHistory(),
    version: '1.0.0',
  });

  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });
})();
