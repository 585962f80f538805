// Votes (prickröstning) as a live page holds them: the workshop's votes,
// their results (staff always, phones once shown) and the dots of the
// table(s) the page may see. Kept current from the snapshot and the
// changes "vote", "vote_results" and "vote_dots".

export class Votes {
  constructor() {
    this.votes = new Map();
    this.results = new Map(); // vote id → {vote, counts, tables, total}
    this.dots = new Map(); // `${vote}|${table}` → {vote, table, dots, left}
  }

  snapshot(d) {
    this.votes = new Map((d.votes || []).map((v) => [v.id, v]));
    this.results = new Map((d.voteResults || []).map((r) => [r.vote, r]));
    this.dots = new Map((d.dots || []).map((x) => [`${x.vote}|${x.table}`, x]));
  }

  /** Applies one change; returns true if it was about votes. */
  apply(msg) {
    const d = msg.data;
    switch (msg.type) {
      case 'vote':
        this.votes.set(d.id, d);
        return true;
      case 'vote_results':
        this.results.set(d.vote, d);
        return true;
      case 'vote_dots':
        this.setDots(d);
        return true;
      default:
        return false;
    }
  }

  setDots(d) {
    this.dots.set(`${d.vote}|${d.table}`, d);
  }

  toSnapshot() {
    return { votes: [...this.votes.values()], voteResults: [...this.results.values()], dots: [...this.dots.values()] };
  }

  /** The open vote, else the latest one; null before the first. */
  current() {
    let latest = null;
    for (const v of this.votes.values()) {
      if (v.state === 'open') return v;
      if (!latest || v.opened > latest.opened) latest = v;
    }
    return latest;
  }

  /** A table's dots in a vote (none placed yet: all left). */
  dotsOf(vote, table) {
    return this.dots.get(`${vote.id}|${table}`) || { vote: vote.id, table, dots: {}, left: vote.dots };
  }

  /** The ranking: candidates with their dots, most first; null when unknown. */
  ranking(vote) {
    const r = this.results.get(vote.id);
    if (!r) return null;
    const byId = new Map(vote.candidates.map((c) => [c.id, c]));
    return { ...r, rows: r.counts.filter((c) => byId.has(c.id)).map((c) => ({ ...byId.get(c.id), dots: c.dots })) };
  }
}
