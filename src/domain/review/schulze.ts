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
 * Ballots as flat arrays, the form the core reads (and a worker thread receives without cloning
 * objects): ballot b holds the candidates `candidates[starts[b]..starts[b + 1])` (indices) with
 * the numbers `values[…]` at the same places.
 */
export interface IndexedBallots {
  starts: Int32Array;
  candidates: Int32Array;
  values: Float64Array;
}

export interface IndexedSchulzeResult {
  /** n × n, row-major: d[i·n + j] voters prefer i to j. */
  preferences: Int32Array;
  /** n × n, row-major: the strongest path from i to j (0 when none). */
  strengths: Int32Array;
  /** Candidate indices, best first. */
  order: Int32Array;
  cost: SchulzeCost;
}

/**
 * Schulze over candidates 0..n-1, level candidates settled by `tieRank` (lower first; a
 * permutation of 0..n-1). Flat typed matrices: the closure's n³ steps read contiguous memory.
 */
export function schulzeIndexed(
  n: number,
  ballots: IndexedBallots,
  tieRank: Int32Array,
): IndexedSchulzeResult {
  const { starts, candidates: cand, values } = ballots;
  const d = new Int32Array(n * n);
  let pairComparisons = 0;
  for (let b = 0; b + 1 < starts.length; b++) {
    const end = starts[b + 1] as number;
    for (let x = starts[b] as number; x < end; x++) {
      const i = cand[x] as number;
      const vi = values[x] as number;
      for (let y = x + 1; y < end; y++) {
        const j = cand[y] as number;
        const vj = values[y] as number;
        pairComparisons++;
        if (vi > vj) d[i * n + j] = (d[i * n + j] as number) + 1;
        else if (vj > vi) d[j * n + i] = (d[j * n + i] as number) + 1;
      }
    }
  }

  const p = new Int32Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = d[i * n + j] as number;
      if (i !== j && v > (d[j * n + i] as number)) p[i * n + j] = v;
    }
  }
  for (let k = 0; k < n; k++) {
    const kRow = k * n;
    for (let i = 0; i < n; i++) {
      if (i === k) continue;
      const iRow = i * n;
      const pik = p[iRow + k] as number;
      if (pik === 0) continue;
      // j = k reads p[k][k] = 0 and changes nothing; j = i must keep p[i][i] at 0.
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const pkj = p[kRow + j] as number;
        const via = Math.min(pik, pkj);
        if (via > (p[iRow + j] as number)) p[iRow + j] = via;
      }
    }
  }

  // Each time, the first candidate in tie order that no remaining one beats (there is always one).
  const byTie = new Int32Array(n);
  const seen = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const r = tieRank[i] as number;
    if (!(r >= 0 && r < n) || seen[r]) throw new RangeError("tieRank must be a permutation of 0..n-1");
    seen[r] = 1;
    byTie[r] = i;
  }
  const remaining = new Uint8Array(n).fill(1);
  const order = new Int32Array(n);
  for (let placed = 0; placed < n; placed++) {
    let best = -1;
    for (let r = 0; r < n && best < 0; r++) {
      const i = byTie[r] as number;
      if (!remaining[i]) continue;
      let beaten = false;
      for (let j = 0; j < n; j++) {
        if (j !== i && remaining[j] && (p[j * n + i] as number) > (p[i * n + j] as number)) {
          beaten = true;
          break;
        }
      }
      if (!beaten) best = i;
    }
    // Schulze (2011, section 4.1) proves an unbeaten candidate exists.
    if (best < 0) throw new Error("no unbeaten candidate: the Schulze relation must be transitive");
    remaining[best] = 0;
    order[placed] = best;
  }

  return {
    preferences: d,
    strengths: p,
    order,
    cost: {
      candidates: n,
      ballots: starts.length - 1,
      pairComparisons,
      pathSteps: n * Math.max(0, n - 1) * Math.max(0, n - 2),
    },
  };
}

/**
 * Ranks the candidates. Schulze's relation (i beats j when p[i][j] > p[j][i]) is a strict
 * partial order; where it leaves candidates level, `tieOrder` (negative: a first; equal: the
 * earlier listed) decides. The order is built by taking, each time, the candidates no remaining
 * one beats (there is always one) and the first of them by `tieOrder`, so it never contradicts
 * the relation.
 */
export function schulze(
  candidates: readonly string[],
  ballots: readonly Ballot[],
  tieOrder: (a: string, b: string) => number,
): SchulzeResult {
  const n = candidates.length;
  const index = new Map(candidates.map((c, i) => [c, i]));
  if (index.size !== n) throw new RangeError("a candidate is listed twice");
  let size = 0;
  for (const ballot of ballots) size += ballot.size;
  const flat: IndexedBallots = {
    starts: new Int32Array(ballots.length + 1),
    candidates: new Int32Array(size),
    values: new Float64Array(size),
  };
  let at = 0;
  ballots.forEach((ballot, b) => {
    for (const [c, v] of ballot) {
      const i = index.get(c);
      if (i === undefined) throw new RangeError(`a ballot ranks ${c}, who is not a candidate`);
      flat.candidates[at] = i;
      flat.values[at] = v;
      at++;
    }
    flat.starts[b + 1] = at;
  });
  // Array.prototype.sort is stable: candidates level under tieOrder keep their listed order.
  const tieRank = new Int32Array(n);
  candidates
    .map((c, i) => ({ c, i }))
    .sort((a, b) => tieOrder(a.c, b.c))
    .forEach(({ i }, r) => {
      tieRank[i] = r;
    });
  const result = schulzeIndexed(n, flat, tieRank);
  const matrix = (m: Int32Array) =>
    Array.from({ length: n }, (_, i) => Array.from(m.subarray(i * n, (i + 1) * n)));
  return {
    candidates,
    preferences: matrix(result.preferences),
    strengths: matrix(result.strengths),
    order: Array.from(result.order, (i) => candidates[i] as string),
    cost: result.cost,
  };
}
