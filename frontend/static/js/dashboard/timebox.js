// The dashboard's part of time boxes and rounds: the countdown of the open
// question, "Nästa fråga" (close the open question and open the next in one
// step), and World Café rounds: choose the themes, start, "Nästa runda",
// end. Each table's phones show the theme it has in the round.
import { t } from '../common/i18n.js';
import { el } from '../common/dom.js';
import { Countdown } from '../common/timebox.js';

export class TimeboxPanel {
  /**
   * control: where the countdown and "Nästa fråga" go; rounds: the rounds
   * section's body. command(msg, onDone) sends a command; say announces.
   */
  constructor(control, rounds, { command, say, readOnly }) {
    this.command = command;
    this.say = say;
    this.readOnly = readOnly;
    this.rounds = rounds;
    this.chosen = new Set(); // themes ticked for the next start
    this.key = '';
    const slot = el('div');
    this.countdown = new Countdown(slot, say);
    control.replaceChildren(slot, readOnly ? '' : el('button', {
      type: 'button', id: 'next-question', class: 'primary',
      text: t('tb.next_question'),
      onclick: () => command({ type: 'next_question' }, () => say(t('tb.next_done'))),
    }));
  }

  /** Every message the dashboard receives (also while its view is paused). */
  seen(msg) {
    this.countdown.seen(msg);
  }

  /** Draws the rounds from the model when they, the themes or the tables changed. */
  render(model) {
    const tables = model.sortedTables();
    const themes = model.themes.filter((th) => !th.parking);
    const round = tables.reduce((r, tb) => Math.max(r, tb.round || 0), 0);
    const key = JSON.stringify([round, themes.map((th) => [th.id, th.name]), tables.map((tb) => [tb.name, tb.roundTheme])]);
    if (key === this.key) return;
    this.key = key;
    this.rounds.replaceChildren(...(round ? this.running(round, tables, model.themes) : this.setup(themes)));
  }

  running(round, tables, themes) {
    const byTheme = themes.map((th) => [th, tables.filter((tb) => tb.roundTheme === th.id)]).filter(([, list]) => list.length);
    return [
      el('p', { class: 'round-now', text: t('tb.round_running', { n: round }) }),
      el('ul', { class: 'rounds-list' }, ...byTheme.map(([th, list]) => el('li', {},
        el('strong', { text: `${th.name}: ` }), list.map((tb) => tb.name).join(', ')))),
      this.readOnly ? '' : el('div', { class: 'row' },
        el('button', { type: 'button', class: 'primary', id: 'next-round', text: t('tb.next_round'),
          onclick: () => this.command({ type: 'rounds', action: 'next' }, () => this.say(t('tb.round_started', { n: round + 1 }))) }),
        el('button', { type: 'button', id: 'stop-rounds', text: t('tb.stop_rounds'),
          onclick: () => this.command({ type: 'rounds', action: 'stop' }, () => this.say(t('tb.rounds_stopped'))) })),
    ];
  }

  setup(themes) {
    if (this.readOnly) return [el('p', { text: t('tb.no_rounds') })];
    if (themes.length === 0) return [el('p', { text: t('tb.rounds_need_themes') })];
    const boxes = themes.map((th) => {
      const input = el('input', { type: 'checkbox', id: `round-${th.id}`, value: th.id });
      input.checked = this.chosen.has(th.id);
      input.addEventListener('change', () => {
        if (input.checked) this.chosen.add(th.id);
        else this.chosen.delete(th.id);
      });
      return el('div', { class: 'check' }, input, el('label', { for: input.id, text: th.name }));
    });
    return [
      el('p', { class: 'hint', id: 'rounds-hint', text: t('tb.rounds_hint') }),
      el('fieldset', { 'aria-describedby': 'rounds-hint' }, el('legend', { text: t('tb.rounds_themes') }), ...boxes),
      el('button', { type: 'button', class: 'primary', id: 'start-rounds', text: t('tb.start_rounds'),
        onclick: () => {
          const chosen = themes.map((th) => th.id).filter((id) => this.chosen.has(id));
          if (chosen.length === 0) {
            this.say(t('tb.rounds_pick'));
            return;
          }
          this.command({ type: 'rounds', action: 'start', themes: chosen }, () => this.say(t('tb.round_started', { n: 1 })));
        } }),
    ];
  }
}
