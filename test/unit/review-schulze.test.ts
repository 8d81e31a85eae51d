/** The Schulze method (src/domain/review/schulze.ts): the published example and its properties. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Ballot, schulze } from "../../src/domain/review/schulze";

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A ranking such as "ACBED" as a ballot: the first letter gets the highest number. */
const ranking = (order: string): Ballot => new Map([...order].map((c, i) => [c, order.length - i]));

describe("Schulze", () => {
  it("reproduces the published 45-voter example: E > A > C > B > D", () => {
    // Schulze (2011), also the worked example of Wikipedia's "Schulze method" article.
    const groups: [number, string][] = [
      [5, "ACBED"],
      [5, "ADECB"],
      [8, "BEDAC"],
      [3, "CABED"],
      [7, "CAEBD"],
      [2, "CBADE"],
      [7, "DCEBA"],
      [8, "EBADC"],
    ];
    const ballots = groups.flatMap(([count, order]) => Array.from({ length: count }, () => ranking(order)));
    const result = schulze(["A", "B", "C", "D", "E"], ballots, byName);
    expect(result.preferences).toEqual([
      [0, 20, 26, 30, 22],
      [25, 0, 16, 33, 18],
      [19, 29, 0, 17, 24],
      [15, 12, 28, 0, 14],
      [23, 27, 21, 31, 0],
    ]);
    expect(result.strengths).toEqual([
      [0, 28, 28, 30, 24],
      [25, 0, 28, 33, 24],
      [25, 29, 0, 29, 24],
      [25, 28, 28, 0, 24],
      [25, 28, 28, 31, 0],
    ]);
    expect(result.order).toEqual(["E", "A", "C", "B", "D"]);
    expect(result.cost).toEqual({ candidates: 5, ballots: 45, pairComparisons: 450, pathSteps: 60 });
  });

  const candidates = ["a", "b", "c", "d", "e", "f"];
  /** Ballots over random subsets of the candidates, few distinct values so ties and cycles occur. */
  const ballotsArb = fc.array(
    fc
      .dictionary(fc.constantFrom(...candidates), fc.integer({ min: 0, max: 3 }))
      .map((o) => new Map(Object.entries(o))),
    { maxLength: 9 },
  );

  it("puts a Condorcet winner first", () => {
    fc.assert(
      fc.property(ballotsArb, (ballots) => {
        const beats = (x: string, y: string) => {
          let forX = 0;
          let forY = 0;
          for (const b of ballots) {
            const [vx, vy] = [b.get(x), b.get(y)];
            if (vx === undefined || vy === undefined) continue;
            if (vx > vy) forX++;
            if (vy > vx) forY++;
          }
          return forX > forY;
        };
        const winner = candidates.find((x) => candidates.every((y) => y === x || beats(x, y)));
        if (winner) expect(schulze(candidates, ballots, byName).order[0]).toBe(winner);
      }),
    );
  });

  it("orders every candidate once, never against the beat relation, ties by the given order", () => {
    fc.assert(
      fc.property(ballotsArb, (ballots) => {
        const { order, strengths: p } = schulze(candidates, ballots, byName);
        expect([...order].sort()).toEqual(candidates);
        const at = (x: string) => candidates.indexOf(x);
        for (let i = 0; i < order.length; i++) {
          for (let j = i + 1; j < order.length; j++) {
            const [x, y] = [at(order[i] as string), at(order[j] as string)];
            expect(p[y]?.[x] ?? 0).toBeLessThanOrEqual(p[x]?.[y] ?? 0);
          }
        }
        // When the next one was unbeaten too as the previous was picked, the tie order chose.
        for (let i = 1; i < order.length; i++) {
          const y = at(order[i] as string);
          const unbeaten = order.slice(i - 1).every((z) => (p[at(z)]?.[y] ?? 0) <= (p[y]?.[at(z)] ?? 0));
          if (unbeaten) expect(byName(order[i - 1] as string, order[i] as string)).toBeLessThan(0);
        }
      }),
    );
  });

  it("does not depend on the order of the ballots", () => {
    fc.assert(
      fc.property(
        ballotsArb.chain((ballots) =>
          fc.tuple(fc.constant(ballots), fc.shuffledSubarray(ballots, { minLength: ballots.length })),
        ),
        ([ballots, shuffled]) => {
          expect(schulze(candidates, shuffled, byName)).toEqual(schulze(candidates, ballots, byName));
        },
      ),
    );
  });

  it("counts what it compared", () => {
    const result = schulze(["x", "y", "z"], [ranking("xyz"), ranking("zy"), new Map([["x", 1]])], byName);
    expect(result.cost).toEqual({ candidates: 3, ballots: 3, pairComparisons: 4, pathSteps: 6 });
    expect(schulze([], [], byName).order).toEqual([]);
  });

  it("without any preference, falls back on the tie order", () => {
    const tie = new Map([
      ["q", 5],
      ["p", 5],
    ]);
    expect(schulze(["q", "p", "r"], [tie], byName).order).toEqual(["p", "q", "r"]);
  });
});
