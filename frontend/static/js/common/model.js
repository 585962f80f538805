// WorkshopModel is a picture of a workshop, kept current from the snapshot
// and the live changes. The dashboard and the projector hold a facilitator's
// (every table, every input with its moderation); a table's phones hold
// theirs (their table, their own words).
import { Votes } from './votes.js';

export class WorkshopModel {
  constructor() {
    this.workshop = null;
    this.table = null; // a phone's own table
    this.questions = new Map();
    this.themes = [];
    this.tables = new Map();
    this.items = new Map();
    this.votes = new Votes();
  }

  /** Applies one server message; returns true if the model changed. */
  apply(msg) {
    const d = msg.data;
    switch (msg.type) {
      case 'snapshot':
        this.workshop = d.workshop;
        this.table = d.table || null;
        this.questions = new Map(d.questions.map((q) => [q.id, q]));
        this.themes = d.themes;
        this.tables = new Map((d.tables || [d.table]).filter(Boolean).map((t) => [t.id, t]));
        this.items = new Map(d.inputs.map((i) => [i.id, i]));
        this.votes.snapshot(d);
        return true;
      case 'input':
        this.items.set(d.id, d);
        return true;
      case 'question':
        this.questions.set(d.id, d);
        return true;
      case 'theme':
        this.themes = this.themes.filter((t) => t.id !== d.id).concat(d).sort((a, b) => a.position - b.position);
        return true;
      case 'theme_removed':
        this.themes = this.themes.filter((t) => t.id !== d.id);
        return true;
      case 'table':
        this.tables.set(d.id, d);
        if (this.table?.id === d.id) this.table = d;
        return true;
      case 'workshop':
        this.workshop = d;
        return true;
      default:
        return this.votes.apply(msg);
    }
  }

  /** The model in the shape of a snapshot, to keep and restore it. */
  toSnapshot() {
    return {
      workshop: this.workshop, table: this.table, questions: [...this.questions.values()], themes: this.themes,
      tables: this.table ? undefined : [...this.tables.values()], inputs: [...this.items.values()],
      ...this.votes.toSnapshot(),
    };
  }

  sortedQuestions() {
    return [...this.questions.values()].sort((a, b) => a.position - b.position);
  }

  sortedTables() {
    return [...this.tables.values()].sort((a, b) => a.position - b.position);
  }

  /** Sources merged into each item, by target id. */
  mergedSources() {
    const out = new Map();
    for (const item of this.items.values()) {
      if (!item.mergedInto) continue;
      if (!out.has(item.mergedInto)) out.set(item.mergedInto, []);
      out.get(item.mergedInto).push(item);
    }
    return out;
  }

  shownText(item) {
    return item.edited || item.text;
  }
}
