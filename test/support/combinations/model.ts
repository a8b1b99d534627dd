// The combinations issue 21 asks for, as data: where the machine starts, the map type its Postfix
// builds maps with, the setup's options, and the accounts and changes that accumulate on a real
// machine. `pairwise` picks a set in which every value of every dimension meets every value of every
// other at least once (what runs on every `npm test`); `everyCombination` is the full product
// (`npm run combos`). Pure: no Postfix here.

/** Debian's three debconf answers (the satellite's relayhost as debconf writes it) and the classic hand-made recipe. */
export const starts = ['local-only', 'internet-site', 'satellite', 'seed-recipe'] as const;
export const mapTypes = ['default', 'lmdb'] as const;
/** One account; a second for a list of addresses; a third for a whole domain (@domain). */
export const accountCounts = [1, 2, 3] as const;
/** After the accounts: nothing, the default account replaced by another, or the relay's port changed. */
export const changes = ['none', 'default-account', 'relay'] as const;

export interface Combination {
  start: (typeof starts)[number];
  mapType: (typeof mapTypes)[number];
  mapSenders: boolean;
  loopbackOnly: boolean;
  rootAlias: boolean;
  port465: boolean;
  workspace: boolean;
  accounts: (typeof accountCounts)[number];
  change: (typeof changes)[number];
}

export const dimensions: { [K in keyof Combination]: readonly Combination[K][] } = {
  start: starts,
  mapType: mapTypes,
  mapSenders: [false, true],
  loopbackOnly: [false, true],
  rootAlias: [false, true],
  port465: [false, true],
  workspace: [false, true],
  accounts: accountCounts,
  change: changes,
};

type Key = keyof Combination;
const keys = Object.keys(dimensions) as Key[];

/** A short name for reports and test titles: only what differs from the plainest combination. */
export function combinationName(c: Combination): string {
  const parts: string[] = [c.start, c.mapType === 'default' ? 'default maps' : `${c.mapType} maps`];
  if (c.mapSenders) parts.push('--map-senders');
  if (c.loopbackOnly) parts.push('--loopback-only');
  if (c.rootAlias) parts.push('--root-alias');
  if (c.port465) parts.push('port 465');
  if (c.workspace) parts.push('Workspace relay');
  if (c.accounts > 1) parts.push(`${c.accounts} accounts`);
  if (c.change !== 'none') parts.push(`then a change of ${c.change === 'relay' ? 'relay' : 'default account'}`);
  return parts.join(', ');
}

export function everyCombination(): Combination[] {
  let all: Partial<Combination>[] = [{}];
  for (const key of keys)
    all = all.flatMap((partial) => dimensions[key].map((value) => ({ ...partial, [key]: value })));
  return all as Combination[];
}

const pairId = (a: Key, va: unknown, b: Key, vb: unknown) => `${a}=${String(va)}|${b}=${String(vb)}`;

/** Every pair of values of two dimensions, as ids. */
export function allPairs(): Set<string> {
  const pairs = new Set<string>();
  for (const [i, a] of keys.entries())
    for (const b of keys.slice(i + 1))
      for (const va of dimensions[a]) for (const vb of dimensions[b]) pairs.add(pairId(a, va, b, vb));
  return pairs;
}

export function pairsOf(c: Combination): string[] {
  const ids: string[] = [];
  for (const [i, a] of keys.entries()) for (const b of keys.slice(i + 1)) ids.push(pairId(a, c[a], b, c[b]));
  return ids;
}

/**
 * A small set covering every pair (greedy, deterministic): each round builds candidates value by
 * value, choosing for each dimension the value that covers the most pairs still uncovered with the
 * values already chosen, and keeps the candidate that covers the most.
 */
export function pairwise(): Combination[] {
  const uncovered = allPairs();
  const chosen: Combination[] = [];
  while (uncovered.size > 0) {
    let best: Combination | undefined;
    let bestGain = -1;
    // Each dimension's values in turn lead, so the rounds do not all start alike.
    for (const lead of keys) {
      for (const leadValue of dimensions[lead]) {
        const partial: Partial<Combination> = { [lead]: leadValue };
        for (const key of keys) {
          if (key === lead) continue;
          let pick = dimensions[key][0];
          let pickGain = -1;
          for (const value of dimensions[key]) {
            let gain = 0;
            for (const other of keys) {
              if (other === key || !(other in partial)) continue;
              const [a, b] = keys.indexOf(other) < keys.indexOf(key) ? [other, key] : [key, other];
              const va = a === key ? value : partial[a];
              const vb = b === key ? value : partial[b];
              if (uncovered.has(pairId(a, va, b, vb))) gain++;
            }
            if (gain > pickGain) [pick, pickGain] = [value, gain];
          }
          (partial as Record<string, unknown>)[key] = pick;
        }
        const candidate = partial as Combination;
        const gain = pairsOf(candidate).filter((id) => uncovered.has(id)).length;
        if (gain > bestGain) [best, bestGain] = [candidate, gain];
      }
    }
    if (!best || bestGain <= 0) break;
    for (const id of pairsOf(best)) uncovered.delete(id);
    chosen.push(best);
  }
  // An early pick may end up covered by the later ones: each run left is needed for some pair.
  for (let i = chosen.length - 1; i >= 0; i--) {
    const others = new Set(chosen.filter((_, j) => j !== i).flatMap(pairsOf));
    if (pairsOf(chosen[i]!).every((id) => others.has(id))) chosen.splice(i, 1);
  }
  return chosen;
}
