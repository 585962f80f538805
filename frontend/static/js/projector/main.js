// The projector view for återsamling: one theme at a time in large type,
// highlighted input first, with the join QR code while input is open. The
// page never scrolls: a theme that does not fit is shown page by page, and
// the clicker (PageDown/PageUp, arrows) moves page by page, then theme by
// theme. A theme's summary line is its subtitle; the key-terms view shows
// its word cloud and representative answers. While presenting (full
// screen) the controls are out of sight; the keys still work.
import { LiveSocket } from '../common/socket.js';
import { WorkshopModel } from '../common/model.js';
import { connectionIndicator } from '../common/connection.js';
import { t } from '../common/i18n.js';
import { el, Announcer } from '../common/dom.js';
import { wordCloud } from '../common/cloud.js';
import { cmp } from '../common/order.js';
import { WordSlides } from './words.js';
import { Progress } from '../common/progress.js';
import { Countdown } from '../common/timebox.js';
import { ProjectorVote } from './vote.js';

const root = document.getElementById('projector');
const box = document.getElementById('slide');
const model = new WorkshopModel();
let slide = 0; // 0 = overview, n = theme n
let page = 0; // page of the theme's answers
let pages = [0]; // start index of each page
let question = '';
let onlyHighlighted = false;
let termsView = false;
let paused = false;
let buffered = [];
const views = new Map(); // theme|question → { at, data } for the key-terms view
const words = new WordSlides(model, (msg) => socket.request(msg), () => render());
const lastSlide = () => model.themes.length + words.list().length;

const timeboxAnnouncer = new Announcer(document.getElementById('timebox-announcer'));
const countdown = new Countdown(document.getElementById('timebox'), (text) => timeboxAnnouncer.say(text));
const voteView = new ProjectorVote(model, document.getElementById('vote-view'));

function receive(msg) {
  progress.changed(msg);
  countdown.seen(msg);
  // A snapshot holds everything: changes held back by the pause are older.
  if (msg.type === 'snapshot') buffered = [];
  if (paused && msg.type !== 'snapshot') {
    buffered.push(msg);
    return;
  }
  if (model.apply(msg)) render();
}

const socket = new LiveSocket(`/ws/workshop/${root.dataset.workshop}`, {
  onSnapshot: receive,
  onChange: receive,
  onState: connectionIndicator(),
});
const progress = new Progress(document.getElementById('progress'), socket, model);

function shown(item) {
  return !item.hidden && !item.mergedInto && (!question || item.question === question)
    && (!onlyHighlighted || item.highlighted);
}

function itemsOf(themeId) {
  const merged = model.mergedSources();
  return [...model.items.values()]
    .filter((i) => i.theme === themeId && shown(i))
    .sort((a, b) => (b.highlighted - a.highlighted) || cmp(a.created, b.created))
    // "N bord sa liknande" counts tables, not answers: one table may have sent the same twice.
    .map((i) => ({ item: i, tables: new Set([i, ...(merged.get(i.id) || [])].map((x) => x.table)).size }));
}

function itemNode({ item, tables }) {
  return el('li', { class: item.highlighted ? 'hl' : '' },
    item.highlighted ? el('span', { class: 'visually-hidden', text: `${t('proj.highlighted')}: ` }) : null,
    el('span', { class: 'text', text: model.shownText(item) }),
    tables > 1 ? el('span', { class: 'merged', text: ` (${t('proj.merged', { n: tables })})` }) : null);
}

function render() {
  if (!model.workshop) return;
  const themes = model.themes;
  const wordQuestions = words.list();
  slide = Math.min(slide, themes.length + wordQuestions.length);
  if (voteView.active) {
    pages = [0];
    page = 0;
    voteView.render(box);
    document.getElementById('page-of').textContent = '';
  } else if (slide === 0) renderOverview(themes);
  else if (slide > themes.length) renderWords(wordQuestions[slide - themes.length - 1]);
  else if (termsView) renderTerms(themes[slide - 1]);
  else renderTheme(themes[slide - 1]);
  document.getElementById('join').hidden = model.workshop.state !== 'open';
  const go = document.getElementById('goto');
  const options = [['0', t('proj.overview')], ...themes.map((th, i) => [String(i + 1), th.name]),
    ...wordQuestions.map((q, i) => [String(themes.length + i + 1), t('words.slide', { question: q.text })])];
  if ([...go.options].map((o) => o.textContent).join('|') !== options.map((o) => o[1]).join('|')) {
    go.replaceChildren(...options.map(([v, text]) => el('option', { value: v, text })));
  }
  go.value = String(slide);
  const qs = document.getElementById('proj-question');
  const qOptions = [['', t('proj.all_questions')], ...model.sortedQuestions().map((q) => [q.id, `${t('dash.question_n', { n: q.position })}: ${q.text}`])];
  if ([...qs.options].map((o) => o.textContent).join('|') !== qOptions.map((o) => o[1]).join('|')) {
    qs.replaceChildren(...qOptions.map(([v, text]) => el('option', { value: v, text })));
  }
  qs.value = question;
}

function renderOverview(themes) {
  pages = [0];
  page = 0;
  const counts = themes.map((th) => ({ th, n: itemsOf(th.id).length }));
  const max = Math.max(1, ...counts.map((c) => c.n));
  box.replaceChildren(
    el('h1', { text: model.workshop.name }),
    el('ul', { class: 'overview' }, ...counts.map(({ th, n }) => el('li', { class: `c-${th.color}` },
      el('span', { class: 'name', text: th.name }),
      el('span', { class: 'bar', 'aria-hidden': 'true' }, el('span', { class: 'fill', 'data-w': String(Math.round((100 * n) / max)) })),
      el('span', { class: 'n', text: t('proj.count', { n }) })))));
  // Widths are set through the CSSOM: the page's security policy forbids inline styles.
  for (const f of box.querySelectorAll('.fill')) f.style.width = `${f.dataset.w}%`;
  document.getElementById('page-of').textContent = '';
}

function head(th, n) {
  return el('header', { class: `slide-head c-${th.color}` }, el('h1', { text: th.name }),
    th.summary ? el('p', { class: 'summary', text: th.summary }) : null,
    el('p', { class: 'n', text: t(onlyHighlighted ? 'proj.count_highlighted' : 'proj.count', { n }) }));
}

function renderTheme(th) {
  const list = itemsOf(th.id);
  const header = head(th, list.length);
  if (list.length === 0) {
    pages = [0];
    page = 0;
    box.replaceChildren(header, el('p', { class: 'empty', text: t(onlyHighlighted ? 'proj.none_highlighted' : 'proj.empty') }));
    document.getElementById('page-of').textContent = '';
    return;
  }
  const ul = el('ul', { class: 'items' });
  const footer = el('p', { class: 'page-foot' });
  box.replaceChildren(header, ul, footer);
  const nodes = list.map(itemNode);
  // Pages: as many answers as fit below the heading, found by halving
  // (a few layouts per page, however long the theme).
  footer.textContent = t('proj.page', { n: 1, total: 1 });
  pages = [];
  for (let start = 0; start < nodes.length;) {
    pages.push(start);
    let lo = 1;
    let hi = nodes.length - start;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      ul.replaceChildren(...nodes.slice(start, start + mid));
      if (box.scrollHeight <= box.clientHeight) lo = mid;
      else hi = mid - 1;
    }
    start += lo;
  }
  page = Math.max(0, Math.min(page, pages.length - 1));
  const end = page + 1 < pages.length ? pages[page + 1] : nodes.length;
  ul.replaceChildren(...nodes.slice(pages[page], end));
  const label = pages.length > 1 ? t('proj.page', { n: page + 1, total: pages.length }) : '';
  footer.textContent = label;
  footer.hidden = !label;
  document.getElementById('page-of').textContent = label;
}

function renderTerms(th) {
  pages = [0];
  page = 0;
  const list = itemsOf(th.id);
  const key = `${th.id}|${question}`;
  const cached = views.get(key);
  const headingId = `terms-h-${th.id}`;
  const content = el('div', { class: 'terms-view' });
  box.replaceChildren(head(th, list.length), el('h2', { id: headingId, class: 'visually-hidden', text: t('sort.key_terms') }), content);
  document.getElementById('page-of').textContent = '';
  if (cached) {
    const reps = th.summary ? [] : cached.data.representatives.map((r) => ({ r, item: model.items.get(r.id) })).filter((x) => x.item).slice(0, 3);
    content.replaceChildren(
      cached.data.terms.length ? wordCloud(cached.data.terms.slice(0, 20), headingId) : el('p', { class: 'empty', text: t('proj.no_terms') }),
      ...(reps.length ? [el('h2', { class: 'reps-head', text: t('sort.representatives') }),
        el('ul', { class: 'items reps' }, ...reps.map(({ r, item }) => itemNode({ item, tables: r.tables })))] : []));
  }
  if (!cached || Date.now() - cached.at > 10000) {
    socket.request({ type: 'theme_view', item: th.id, question }).then((reply) => {
      views.set(key, { at: Date.now(), data: reply.data });
      if (termsView && model.themes[slide - 1]?.id === th.id) render();
    }, () => {});
  }
}

function renderWords(q) {
  pages = [0];
  page = 0;
  words.render(box, q);
  document.getElementById('page-of').textContent = '';
}

function go(to, toPage = 0) {
  slide = Math.max(0, Math.min(lastSlide(), to));
  page = toPage;
  render();
}

// The clicker moves page by page through a theme, then to the next theme.
function forward() {
  if (page + 1 < pages.length) {
    page++;
    render();
  } else if (slide < lastSlide()) go(slide + 1);
}

function back() {
  if (page > 0) {
    page--;
    render();
  } else if (slide > 0) go(slide - 1, Infinity);
}

document.getElementById('prev').addEventListener('click', back);
document.getElementById('next').addEventListener('click', forward);
document.getElementById('goto').addEventListener('change', (ev) => {
  go(Number(ev.target.value));
  // Leave the list: otherwise the clicker's next PageDown moves through the
  // list's options instead of the slides.
  box.focus({ preventScroll: true });
});
document.getElementById('proj-question').addEventListener('change', (ev) => {
  question = ev.target.value;
  page = 0;
  render();
  box.focus({ preventScroll: true });
});
function toggle(button, on) {
  button.setAttribute('aria-pressed', String(on));
  page = 0;
  render();
}
document.getElementById('only-highlighted').addEventListener('click', (ev) => {
  onlyHighlighted = !onlyHighlighted;
  toggle(ev.currentTarget, onlyHighlighted);
});
document.getElementById('vote-view').addEventListener('click', () => {
  voteView.toggle();
  render();
});
document.getElementById('terms').addEventListener('click', (ev) => {
  termsView = !termsView;
  toggle(ev.currentTarget, termsView);
});
document.getElementById('pause').addEventListener('click', (ev) => {
  paused = !paused;
  ev.currentTarget.setAttribute('aria-pressed', String(paused));
  ev.currentTarget.textContent = t(paused ? 'proj.resume' : 'proj.pause');
  if (!paused) {
    for (const m of buffered) model.apply(m);
    buffered = [];
    render();
  }
});
document.getElementById('fullscreen').addEventListener('click', () => {
  if (document.fullscreenElement) document.exitFullscreen();
  else root.requestFullscreen?.();
});
document.addEventListener('fullscreenchange', () => {
  root.classList.toggle('presenting', !!document.fullscreenElement);
  if (document.fullscreenElement) box.focus({ preventScroll: true });
  render();
});
window.addEventListener('resize', () => render());
// Presentation clickers send PageUp/PageDown, wherever the focus is; arrows
// work from the keyboard outside the lists.
document.addEventListener('keydown', (ev) => {
  const inField = ev.target.closest('select, input, textarea');
  if (ev.key === 'PageDown' || (!inField && ev.key === 'ArrowRight')) forward();
  else if (ev.key === 'PageUp' || (!inField && ev.key === 'ArrowLeft')) back();
  else return;
  ev.preventDefault();
});

socket.start();
