// Gold matching as /work/shared/tools/score.py does it: one to one, same
// unit, quantity and value (relative 1e-6), indicators that agree; exact
// canonical names paired first; a level in the gold that a found target
// carries as its baseline counts as found.

const norm = (s) => (s ?? '').replace(/\s+/g, '');

function sameValue(a, b) {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}

function names(t) {
  return new Set([norm(t.indicator), norm(t.surface)].filter(Boolean));
}

function indicatorAgrees(p, g) {
  const pn = names(p);
  const gn = names(g);
  for (const a of pn) for (const b of gn) if (a === b || a.includes(b) || b.includes(a)) return true;
  return false;
}

const matches = (p, g) =>
  norm(p.unit) === norm(g.unit) && p.quantity === g.quantity && sameValue(p.value, g.value) && indicatorAgrees(p, g);

/** How many of `gold` the predicted targets find. */
export function found(pred, gold) {
  const used = new Set();
  const paired = new Set();
  for (const exactFirst of [true, false]) {
    gold.forEach((g, gi) => {
      if (paired.has(gi)) return;
      const pi = pred.findIndex(
        (p, i) => !used.has(i) && matches(p, g) && (!exactFirst || norm(p.indicator) === norm(g.indicator)),
      );
      if (pi >= 0) {
        used.add(pi);
        paired.add(gi);
      }
    });
  }
  let credited = 0;
  gold.forEach((g, gi) => {
    if (paired.has(gi) || g.quantity !== 'level') return;
    if (pred.some((p) => p.baseline !== null && p.baseline !== undefined && sameValue(p.baseline, g.value) && norm(p.unit) === norm(g.unit) && indicatorAgrees(p, g))) credited++;
  });
  return paired.size + credited;
}
