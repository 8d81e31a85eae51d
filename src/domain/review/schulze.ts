/**
 * The Schulze method (M. Schulze, "A new monotonic, clone-independent, reversal symmetric, and
 * Condorcet-consistent single-winner election method", Social Choice and Welfare 36, 2011), as
 * HotCRP offers it for ranking papers by the reviewers' own orders. Here each expert is a voter
 * whose ballot is their totals: they prefer a over b when they gave a the higher total, and say
 * nothing about applications they did not score or scored equally. The method is separately
 * callable so a benchmark can time it: it is the only cubic step of the ranking.
 */

/** A voter's ballot: a number per candidate they rank, higher preferred. */
export type Ballot = ReadonlyMap<string, number>;

/** What a run cost, reported apart from the results. */
export interface SchulzeCost {
  candidates: number;
  ballots: number;
  /** Pairs compared while reading ballots: k(k-1)/2 for a ballot of k candidates. */
  pairComparisons: number;
  /** Steps of the widest-path closure (Floyd-Warshall), at most: n(n-1)(n-2). */
  pathSteps: number;
}

export interface SchulzeResult {
  /** The candidates as given; the matrices are indexed in this order. */
  candidates: readonly string[];
  /** d[i][j]: how many voters prefer candidate i to candidate j. */
  preferences: number[][];
  /** p[i][j]: the strength of the strongest path from i to j (0 when none). */
  strengths: number[][];
  /** Best first. */
  order: string[];
  cost: SchulzeCost;
}

/**
 * Ranks the candidates. Schulze's relation (i beats j when p[i][j] > p[j][i]) is a strict
 * partial order; where it leaves candidates level, `tieOrder` (negative: a first) decides.
 * The order is built by taking, each time, the candidates no remaining one beats (there is
 * always one) and the first of them by `tieOrder`, so it never contradicts the relation.
 */
export function schulze(
  candidates: readonly string[],
  ballots: readonly Ballot[],
  tieOrder: (a: string, b: string) => number,
): SchulzeResult {
  const n = candidates.length;
  const index = new Map(candidates.map((c, i) => [c, i]));
  if (index.size !== n) throw new RangeError("a candidate is listed twice");
  const d = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const prefer = (winner: number, loser: number) => {
    const row = d[winner] as number[];
    row[loser] = (row[loser] as number) + 1;
  };
  let pairComparisons = 0;
  for (const ballot of ballots) {
    const entries = [...ballot].map(([c, v]) => {
      const i = index.get(c);
      if (i === undefined) throw new RangeError(`a ballot ranks ${c}, who is not a candidate`);
      return [i, v] as const;
    });
    for (let x = 0; x < entries.length; x++) {
      const [i, vi] = entries[x] as readonly [number, number];
      for (let y = x + 1; y < entries.length; y++) {
        const [j, vj] = entries[y] as readonly [number, number];
        pairComparisons++;
        if (vi > vj) prefer(i, j);
        else if (vj > vi) prefer(j, i);
      }
    }
  }

  const at = (m: number[][], i: number, j: number) => (m[i] as number[])[j] as number;
  const p = d.map((row, i) => row.map((v, j) => (i !== j && v > at(d, j, i) ? v : 0)));
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      if (i === k) continue;
      const pik = at(p, i, k);
      if (pik === 0) continue;
      const row = p[i] as number[];
      for (let j = 0; j < n; j++) {
        if (j === i || j === k) continue;
        const via = Math.min(pik, at(p, k, j));
        if (via > (row[j] as number)) row[j] = via;
      }
    }
  }

  const remaining = new Set(candidates.map((_, i) => i));
  const order: string[] = [];
  while (remaining.size > 0) {
    let best: number | null = null;
    for (const i of remaining) {
      let beaten = false;
      for (const j of remaining) {
        if (j !== i && at(p, j, i) > at(p, i, j)) {
          beaten = true;
          break;
        }
      }
      if (beaten) continue;
      if (best === null || tieOrder(candidates[i] as string, candidates[best] as string) < 0) best = i;
    }
    // Schulze (2011, section 4.1) proves an unbeaten candidate exists; guard against a bad tieOrder.
    if (best === null) throw new Error("no unbeaten candidate: the Schulze relation must be transitive");
    remaining.delete(best);
    order.push(candidates[best] as string);
  }

  return {
    candidates,
    preferences: d,
    strengths: p,
    order,
    cost: {
      candidates: n,
      ballots: ballots.length,
      pairComparisons,
      pathSteps: n * Math.max(0, n - 1) * Math.max(0, n - 2),
    },
  };
}
