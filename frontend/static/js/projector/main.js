// The projector view for återsamling: one theme at a time in large type,
// highlighted input first, with the join QR code while input is open.
import { LiveSocket } from '../common/socket.js';
import { WorkshopModel } from '../common/model.js';
import { connectionIndicator } from '../common/connection.js';
import { t } from '../common/i18n.js';
import { el } from '../common/dom.js';

const root = document.getElementById('projector');
const model = new WorkshopModel();
let slide = 0; // 0 = overview, n = theme n
let question = '';
let paused = false;
let buffered = [];

function receive(msg) {
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

function shown(item) {
  return !item.hidden && !item.mergedInto && (!question || item.question === question);
}

function itemsOf(themeId) {
  const merged = model.mergedSources();
  return [...model.items.values()]
    .filter((i) => i.theme === themeId && shown(i))
    .sort((a, b) => (b.highlighted - a.highlighted) || a.created.localeCompare(b.created))
    .map((i) => ({ item: i, merged: (merged.get(i.id) || []).length }));
}

function render() {
  if (!model.workshop) return;
  const themes = model.themes;
  slide = Math.min(slide, themes.length);
  const box = document.getElementById('slide');
  if (slide === 0) {
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
  } else {
    const th = themes[slide - 1];
    const list = itemsOf(th.id);
    box.replaceChildren(
      el('header', { class: `slide-head c-${th.color}` }, el('h1', { text: th.name }), el('p', { class: 'n', text: t('proj.count', { n: list.length }) })),
      list.length === 0 ? el('p', { class: 'empty', text: t('proj.empty') })
        : el('ul', { class: 'items' }, ...list.map(({ item, merged }) => el('li', { class: item.highlighted ? 'hl' : '' },
          item.highlighted ? el('span', { class: 'visually-hidden', text: `${t('proj.highlighted')}: ` }) : null,
          el('span', { class: 'text', text: model.shownText(item) }),
          merged ? el('span', { class: 'merged', text: ` (${t('proj.merged', { n: merged + 1 })})` }) : null))));
  }
  document.getElementById('join').hidden = model.workshop.state !== 'open';
  const go = document.getElementById('goto');
  go.replaceChildren(el('option', { value: '0', text: t('proj.overview') }),
    ...themes.map((th, i) => el('option', { value: String(i + 1), text: th.name })));
  go.value = String(slide);
  const qs = document.getElementById('proj-question');
  qs.replaceChildren(el('option', { value: '', text: t('proj.all_questions') }),
    ...model.sortedQuestions().map((q) => el('option', { value: q.id, text: `${t('dash.question_n', { n: q.position })}: ${q.text}` })));
  qs.value = question;
}

function go(to) {
  slide = Math.max(0, Math.min(model.themes.length, to));
  render();
}

document.getElementById('prev').addEventListener('click', () => go(slide - 1));
document.getElementById('next').addEventListener('click', () => go(slide + 1));
document.getElementById('goto').addEventListener('change', (ev) => go(Number(ev.target.value)));
document.getElementById('proj-question').addEventListener('change', (ev) => { question = ev.target.value; render(); });
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
// Presentation clickers send PageUp/PageDown; arrows work from the keyboard.
document.addEventListener('keydown', (ev) => {
  if (ev.target.closest('select, input, textarea')) return;
  if (ev.key === 'ArrowRight' || ev.key === 'PageDown') go(slide + 1);
  else if (ev.key === 'ArrowLeft' || ev.key === 'PageUp') go(slide - 1);
  else return;
  ev.preventDefault();
});

socket.start();
