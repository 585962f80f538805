// The working group's live overview: stance counts per section, updated as
// responses arrive. The server draws the first state; this keeps the
// numbers, bars and participation line current.
import { LiveSocket } from '../common/socket.js';
import { t, dateTime } from '../common/i18n.js';
import { connectionIndicator } from '../common/connection.js';

const root = document.getElementById('overview');
const consultationID = root.dataset.consultation;
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

function listed(r) {
  return r.invited || !['not_opened', 'opened'].includes(r.status);
}

/** Updates (or adds) a respondent's row in the invitation list. */
function renderRespondent(r) {
  if (!listed(r)) return;
  const body = document.querySelector('#respondents tbody');
  let row = body.querySelector(`tr[data-respondent="${CSS.escape(r.id)}"]`);
  if (!row) {
    row = document.createElement('tr');
    row.dataset.respondent = r.id;
    for (let i = 0; i < 3; i++) row.append(document.createElement('td'));
    body.append(row);
  }
  const [org, kind, status] = row.children;
  const name = r.organisation || t('remiss.unnamed');
  if (r.version > 0) {
    const a = document.createElement('a');
    a.href = `/admin/consultations/${encodeURIComponent(consultationID)}/responses/${encodeURIComponent(r.id)}`;
    a.textContent = name;
    org.replaceChildren(a);
  } else {
    org.textContent = name;
  }
  kind.textContent = t(r.invited ? 'remiss.invited' : 'remiss.spontaneous');
  let text = t(`remiss.status.${r.status}`);
  if (r.version > 0) text += ` ${dateTime(r.submittedAt)}${r.late ? ` (${t('remiss.late')})` : ''}`;
  status.textContent = text;
}

function receive(msg) {
  if (msg.type === 'snapshot') {
    sections = msg.data.sections;
    respondents.clear();
    for (const r of msg.data.respondents) {
      respondents.set(r.id, r);
      renderRespondent(r);
    }
    render();
    return;
  }
  if (msg.type === 'respondent' || msg.type === 'draft' || msg.type === 'submitted') {
    respondents.set(msg.data.id, msg.data);
    renderRespondent(msg.data);
    render();
    if (msg.type === 'submitted') {
      announce.textContent = t('remiss.live.new_answer', { org: msg.data.organisation || '' });
    }
  }
}

const socket = new LiveSocket(`/ws/consultation/${encodeURIComponent(consultationID)}`, {
  onSnapshot: receive,
  onChange: receive,
  onState: connectionIndicator(),
});
socket.start();
