// The classroom phone page (engine/classroom/phone_server.hpp serves it).
// Joins with the secret in the URL's fragment or a typed room code, keeps the
// device token in localStorage (a reload rejoins), long-polls the view and
// votes. No framework, nothing from outside this server.
'use strict';

(() => {
  const KEY = 'sightline-phone-token';
  const $ = (id) => document.getElementById(id);
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  // The page's words in the session's language, put in the page by the server
  // (classroom/phone_text.hpp): t(KEY, ...) fills {1}, {2} ... ("{{" is a
  // brace); tn(KEY, n, ...) takes the plural form for n.
  const PAGE = (() => {
    try { return JSON.parse(document.body.dataset.text || '{}'); } catch (e) { return {}; }
  })();
  const WORDS = PAGE.text || {};
  const PLURALS = PAGE.plural || {};
  function fill(pattern, args) {
    return pattern.replace(/\{\{|\{([1-9])\}/g,
      (m, i) => (m === '{{' ? '{' : String(args[i - 1] === undefined ? m : args[i - 1])));
  }
  function t(key, ...args) {
    return fill(typeof WORDS[key] === 'string' ? WORDS[key] : key, args);
  }
  function tn(key, n, ...args) {
    const p = PLURALS[key];
    if (!p || !p.forms || !p.n || !p.n.length) { return key; }
    const at = n < p.n.length ? n : 100 + (n % 100);
    const form = p.forms[p.n[at]];
    return typeof form === 'string' ? fill(form, args) : key;
  }
  // A device's id ("Phone 3", what the room calls it) as people read it.
  function deviceName(id) {
    const m = /^Phone ([0-9]+)$/.exec(id || '');
    return m ? t('device', m[1]) : (id || '');
  }

  let token = null;
  let view = null;       // the last view received
  let version = 0;       // its version: the next long poll waits for another
  let controller = null; // aborts the running long poll
  let picked = new Set();  // a multiple-answer vote being put together
  let pickedFor = null;    // the question those picks belong to
  let spareSecret = null;  // the link's secret while a kept token is tried

  function load() {
    try { return localStorage.getItem(KEY); } catch (e) { return null; }
  }
  function keep(value) {
    token = value;
    try {
      if (value) { localStorage.setItem(KEY, value); } else { localStorage.removeItem(KEY); }
    } catch (e) { /* private mode: the token lives as long as the page */ }
  }

  let aboutVote = false;    // the status line speaks of a vote on the open question

  function status(text, vote = false) {
    $('status').textContent = text;
    aboutVote = vote;
  }

  function show(which) {
    $('join').hidden = which !== 'join';
    $('stage').hidden = which !== 'stage';
    if (which === 'join') { $('code').focus(); }
  }

  async function reason(res, fallback) {
    try {
      const body = await res.json();
      return body.message || fallback;
    } catch (e) {
      return fallback;
    }
  }

  function post(path, body) {
    const headers = { 'Content-Type': 'application/json' };
    if (token) { headers.Authorization = 'Bearer ' + token; }
    return fetch(path, {
      method: 'POST', headers, body: JSON.stringify(body),
      cache: 'no-store', credentials: 'omit',
    });
  }

  // --- joining ---

  async function join(body) {
    status(t('status.joining'));
    $('join-error').textContent = '';
    let res;
    try {
      res = await post('/api/join', body);
    } catch (e) {
      status('');
      $('join-error').textContent = t('join.unreachable');
      show('join');
      return;
    }
    if (res.ok) {
      const data = await res.json();
      keep(data.token);
      status(t('status.joined', deviceName(data.device)));
      follow();
      return;
    }
    status('');
    $('join-error').textContent = await reason(res, t('join.failed'));
    show('join');
  }

  function forget(message) {
    if (controller) { controller.abort(); controller = null; }
    keep(null);
    view = null;
    if (spareSecret) { // the kept token was from another session: use the link
      const secret = spareSecret;
      spareSecret = null;
      join({ secret });
      return;
    }
    status(message);
    show('join');
  }

  function ended() {
    if (controller) { controller.abort(); controller = null; }
    keep(null);
    $('join').hidden = true;
    status(t('status.ended'));
  }

  // --- following the room ---

  function follow() {
    if (controller) { controller.abort(); }
    controller = new AbortController();
    loop(controller);
  }

  async function loop(mine) {
    let delay = 1000;
    version = 0;
    while (controller === mine) {
      let res;
      try {
        res = await fetch('/api/view?since=' + version, {
          headers: { Authorization: 'Bearer ' + token },
          cache: 'no-store', credentials: 'omit', signal: mine.signal,
        });
      } catch (e) {
        if (controller !== mine) { return; }
        status(t('status.reconnecting'));
        await sleep(delay);
        delay = Math.min(delay * 2, 15000);
        continue;
      }
      if (controller !== mine) { return; }
      if (res.status === 403) { forget(t('status.rejoin')); return; }
      if (res.status === 410) { ended(); return; }
      let data = null;
      if (res.ok) {
        try { data = await res.json(); } catch (e) { data = null; }
      }
      if (!data) {
        const wait = res.status === 429 ? 1000 * (Number(res.headers.get('Retry-After')) || 1) : delay;
        if (res.status !== 429) { status(t('status.reconnecting')); }
        await sleep(wait);
        delay = Math.min(delay * 2, 15000);
        continue;
      }
      delay = 1000;
      spareSecret = null;
      if ($('status').textContent === t('status.reconnecting')) { status(''); }
      version = data.version;
      render(data);
    }
  }

  // --- showing the stage ---

  function text(tag, value, cls) {
    const el = document.createElement(tag);
    el.textContent = value;
    if (cls) { el.className = cls; }
    return el;
  }

  // The marks under a choice's words: "Your vote", the tally, the room's choice.
  function details(el, words, c, mine) {
    if (mine) {
      el.classList.add('mine');
      words.append(text('span', t('choice.yours'), 'tally'));
    }
    if (view.tally_shown && typeof c.votes === 'number') {
      words.append(text('span', tn('choice.votes', c.votes, c.votes, c.percent), 'tally'));
    }
    if (c.chosen) {
      el.classList.add('chosen');
      words.append(text('span', t('choice.chosen'), 'tally'));
      if (c.feedback) { words.append(text('span', c.feedback, 'feedback')); }
    }
  }

  function render(v) {
    view = v;
    show('stage');
    const others = (v.lobby || 0) - 1;
    $('device').textContent = !v.device ? ''
      : others > 0 ? tn('device.others', others, deviceName(v.device), others)
        : t('device.you', deviceName(v.device));
    $('title').textContent = v.title || t('waiting');
    // A live region: set only when it changes, so that a screen reader says
    // "Voting is open" (or closed) once, not on every update.
    if ($('banner').textContent !== (v.status || '')) { $('banner').textContent = v.status || ''; }
    const paragraphs = $('paragraphs');
    paragraphs.replaceChildren();
    for (const p of v.paragraphs || []) {
      const el = document.createElement('p');
      if (p.speaker) { el.append(text('span', t('speaker', p.speaker) + ' ', 'speaker')); }
      el.append(p.text);
      paragraphs.append(el);
    }
    $('question').textContent = v.question || '';
    $('question').hidden = !v.question;

    const mine = new Set(v.your_vote || []);
    const sameQuestion = pickedFor === v.question_key;
    // "You can change it until voting closes" is not true any more.
    if (aboutVote && (!sameQuestion || !v.voting_open)) { status(''); }
    if (!sameQuestion) {
      pickedFor = v.question_key;
      picked = new Set(mine);
    }
    const boxes = v.multiple && v.voting_open;
    const choices = $('choices');
    // The choices are drawn anew; the one that had the focus gets it back (on
    // the same question), so that a keyboard or screen reader user keeps their place.
    const focused = [...choices.children].findIndex((c) => c.contains(document.activeElement));
    choices.replaceChildren();
    (v.choices || []).forEach((c, i) => {
      let el;
      let words; // beside a checkbox, the label's text; else the button itself
      if (boxes) {
        el = document.createElement('label');
        el.className = 'choice';
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.checked = picked.has(i);
        box.disabled = !c.enabled;
        box.addEventListener('change', () => {
          if (box.checked) { picked.add(i); } else { picked.delete(i); }
        });
        words = text('span', c.text);
        el.append(box, words);
      } else {
        el = text('button', c.text);
        words = el;
        el.type = 'button';
        el.disabled = !v.voting_open || !c.enabled;
        el.setAttribute('aria-pressed', mine.has(i) ? 'true' : 'false');
        el.addEventListener('click', () => vote([i]));
      }
      details(el, words, c, mine.has(i));
      choices.append(el);
    });
    const again = choices.children[focused];
    if (again && sameQuestion) { (again.querySelector('input') || again).focus(); }
    $('send').hidden = !boxes;
    $('locked').hidden = v.stage !== 'locked';

    const ending = Boolean(v.outcome || (v.debrief && v.debrief.length));
    $('ending').hidden = !ending;
    if (ending) {
      $('outcome').textContent = v.outcome || '';
      const list = $('debrief');
      list.replaceChildren(...(v.debrief || []).map((d) => text('li', d)));
      $('response').textContent = v.response || '';
      $('response-title').hidden = !v.response;
      $('report').textContent = v.report || '';
      $('report-title').hidden = !v.report;
    }
  }

  // --- voting ---

  async function vote(options) {
    if (!view || !view.voting_open) { return; }
    if (options.length === 0) { status(t('status.choose'), true); return; }
    status(t('status.sending'), true);
    let res;
    try {
      res = await post('/api/vote', { question: view.question_key, options });
    } catch (e) {
      status(t('status.not-sent'));
      return;
    }
    if (res.status === 204) {
      view.your_vote = options.slice().sort((a, b) => a - b);
      render(view);
      status(t('status.sent'), true);
      return;
    }
    if (res.status === 403) { forget(t('status.rejoin')); return; }
    if (res.status === 410) { ended(); return; }
    status(await reason(res, t('vote.not-counted')));
    if (res.status === 409) { follow(); } // the question moved on: fetch it now
  }

  // --- start ---

  $('join-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const code = $('code').value.replace(/[\s-]/g, '');
    if (!/^[0-9]{6}$/.test(code)) {
      $('join-error').textContent = t('join.digits');
      return;
    }
    join({ code });
  });
  $('send').addEventListener('click', () => vote([...picked].sort((a, b) => a - b)));

  const secret = location.hash.length > 1 ? location.hash.slice(1) : '';
  if (secret) {
    // Out of the address bar, the history and any screenshot at once.
    history.replaceState(null, '', location.pathname + location.search);
  }
  token = load();
  if (token) {
    spareSecret = secret || null; // scanning the code again keeps this phone's vote
    follow();
  } else if (secret) {
    join({ secret });
  } else {
    show('join');
  }
})();
