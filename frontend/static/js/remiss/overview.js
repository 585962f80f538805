// The working group's live overview: stance counts per section, updated as
// responses arrive. The server draws the first state; this keeps the
// numbers, bars and participation line current.
import { LiveSocket } from '../common/socket.js';
import { t } from '../common/i18n.js';

const root = document.getElementById('overview');
const announce = document.getElementById('announce');
const respondents = new Map();
let sections = [];

function isAnswered(r) {
  return r.version > 0;
}

function render() {
  let invited = 0; let invitedAnswered = 0; let spontaneous = 0; let noComments = 0; let answered = 0;
  for (const r of respondents.values()) {
    if (r.invited) invited++;
    if (!isAnswered(r)) continue;
    answered++;
    if (r.invited) invitedAnswered++; else spontaneous++;
    if (r.noComments) noComments++;
  }
  document.getElementById('participation').textContent = t('remiss.live.participation',
    { answered, invited, invitedAnswered, spontaneous, noComments });
  for (const s of sections) {
    const el = document.getElementById(`sec-${s.id}`);
    if (!el) continue;
    const counts = new Map();
    let total = 0;
    for (const r of respondents.values()) {
      if (!isAnswered(r) || !(s.id in r.stances)) continue;
      const st = r.stances[s.id] ?? '';
      counts.set(st, (counts.get(st) ?? 0) + 1);
      total++;
    }
    el.querySelector('.answers').textContent = t('remiss.live.answers', { n: total });
    for (const row of el.querySelectorAll('tr[data-stance]')) {
      const n = counts.get(row.dataset.stance) ?? 0;
      row.querySelector('.count').textContent = String(n);
      const bar = row.querySelector('.bar');
      const width = total ? Math.round((n * 20) / total) : 0;
      bar.className = bar.className.replace(/\bw-\d+\b/, `w-${width}`);
    }
  }
}

const socket = new LiveSocket(`/ws/consultation/${encodeURIComponent(root.dataset.consultation)}`, {
  onState(state) {
    document.getElementById('conn').dataset.state = state;
    document.getElementById('conn-text').textContent = t(`live.${state}`);
  },
  onMessage(msg) {
    if (msg.type === 'snapshot') {
      sections = msg.data.sections;
      respondents.clear();
      for (const r of msg.data.respondents) respondents.set(r.id, r);
      render();
      return;
    }
    if (msg.type === 'respondent' || msg.type === 'draft' || msg.type === 'submitted') {
      respondents.set(msg.data.id, msg.data);
      render();
      if (msg.type === 'submitted') {
        announce.textContent = t('remiss.live.new_answer', { org: msg.data.organisation || '' });
      }
    }
  },
});
socket.start();
