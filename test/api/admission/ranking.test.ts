import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rankTrack } from "../../../src/domain/review/track-ranking";
import { RANKING_HEADERS } from "../../../src/server/areas/admission/ranking/export";
import { schulzeJobsPosted } from "../../../src/server/areas/admission/ranking/schulze-thread";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { CRITERIA, type RoundFixture, roundWithReviews } from "./ranking-fixtures";

let t: TestApp;
let staff: Client;
let round: RoundFixture;

// Four experts, four applications; D is reviewed by two only, and expert 4 is harsh.
const SCORES: ([number, number] | null)[][] = [
  [
    [8, 4],
    [9, 5],
    [7, 3],
    [4, 2],
  ],
  [
    [7, 4],
    [8, 4],
    [6, 3],
    [9, 5],
  ],
  [
    [7, 5],
    [9, 4],
    [6, 4],
    [5, 2],
  ],
  [[5, 3], null, [4, 2], null],
];

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
  round = await roundWithReviews(t, {
    scores: SCORES,
    quota: 2,
    method: "schulze",
    draftReview: { application: 3, expert: 1, scores: [10, 5] },
  });
});
afterAll(() => t.close());

describe("the round's ranking", () => {
  it("computes Schulze once for concurrent requests over the same reviews, in the worker", async () => {
    const fresh = await roundWithReviews(t, { scores: SCORES, method: "schulze" });
    const before = schulzeJobsPosted();
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => staff.get(`/api/rounds/${fresh.roundId}/ranking`)),
    );
    for (const res of responses) expect(res.statusCode, res.body).toBe(200);
    const orders = responses.map((res) =>
      JSON.stringify(res.json().items.map((a: { applicationId: string }) => a.applicationId)),
    );
    expect(new Set(orders).size).toBe(1);
    // One track, one computation: the other four requests waited on it (or found it done).
    expect(schulzeJobsPosted() - before).toBe(1);
  });

  it("is rankTrack's output for the round's rubric and submitted reviews (drafts left out), in the round's method's order", async () => {
    const res = await staff.get(`/api/rounds/${round.roundId}/ranking`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.method).toBe("schulze");
    expect(body.tracks).toHaveLength(1);
    const track = { ...body.tracks[0], ...body.track, applications: body.items };
    const expected = rankTrack({
      track: "org",
      rubric: { id: round.rubricId, track: "org", criteria: CRITERIA },
      reviews: SCORES.flatMap((row, a) =>
        row.flatMap((s, e) =>
          s
            ? [
                {
                  applicationId: round.applicationIds[a] as string,
                  expertId: round.expertIds[e] as string,
                  track: "org" as const,
                  rubricId: round.rubricId,
                  scores: { innovation: s[0], feasibility: s[1] },
                },
              ]
            : [],
        ),
      ),
      settings: {
        method: "schulze",
        trimmedMinReviews: 4,
        spreadThreshold: 30,
        expertDeviationThreshold: 15,
      },
    });
    expect(track.applications.map((a: { applicationId: string }) => a.applicationId)).toEqual(
      expected.applications.map((a) => a.applicationId),
    );
    for (const [i, a] of expected.applications.entries()) {
      const got = track.applications[i];
      expect(got).toMatchObject({
        position: i + 1,
        count: a.count,
        mean: a.mean,
        median: a.median,
        trimmedMean: a.trimmedMean,
        trimmedMeanReason: a.trimmedMeanReason,
        zScore: a.zScore,
        spread: a.spread,
        disagreement: a.disagreement,
        ranks: a.ranks,
        ranksDiffer: a.ranksDiffer,
      });
      expect(got.reviews.map((r: { expertId: string; total: number }) => [r.expertId, r.total])).toEqual(
        a.reviews.map((r) => [r.expertId, r.total]),
      );
    }
    expect(
      track.experts.map((e: { expertId: string; deviation: number | null; flagged: boolean }) => [
        e.expertId,
        e.deviation,
        e.flagged,
      ]),
    ).toEqual(expected.experts.map((e) => [e.expertId, e.deviation, e.flagged]));
    expect(track.methodsAgree).toBe(expected.methodsAgree);
    expect(track.schulzeCost).toEqual(expected.schulzeCost);
    expect(track.quota).toBe(2);
    expect(track.admitted).toBe(0);
    expect(track.criteria.map((c: { key: string }) => c.key)).toEqual(["innovation", "feasibility"]);
    // The worked example's total: 8 and 4 → 78.75; each review carries its criterion scores.
    const first = track.applications.find(
      (a: { applicationId: string }) => a.applicationId === round.applicationIds[0],
    );
    const byFirstExpert = first.reviews.find((r: { expertId: string }) => r.expertId === round.expertIds[0]);
    expect(byFirstExpert).toMatchObject({ total: 78.75, scores: { innovation: 8, feasibility: 4 } });
    // D has two reviews: no trimmed mean, the reason given.
    const d = track.applications.find(
      (a: { applicationId: string }) => a.applicationId === round.applicationIds[3],
    );
    expect(d).toMatchObject({ count: 2, trimmedMean: null, trimmedMeanReason: "too_few_reviews" });
  });

  it("is a page like any list: page, pageSize and sort by a method; the totals and the quota line stay the whole track's", async () => {
    const all = (await staff.get(`/api/rounds/${round.roundId}/ranking?sort=mean`)).json();
    const second = (
      await staff.get(`/api/rounds/${round.roundId}/ranking?sort=mean&page=2&pageSize=2`)
    ).json();
    expect(second).toMatchObject({ page: 2, pageSize: 2, total: 4, sort: "mean", order: "asc" });
    expect(second.items.map((a: { applicationId: string }) => a.applicationId)).toEqual(
      all.items.slice(2).map((a: { applicationId: string }) => a.applicationId),
    );
    expect(second.items.map((a: { ranks: { mean: number } }) => a.ranks.mean)).toEqual([3, 4]);
    expect(second.track.quotaLine).toEqual({ position: 2, page: 1 });
    expect(second.tracks[0]).toMatchObject({ ranked: 4, unreviewed: 0, quota: 2 });
    const reversed = (
      await staff.get(`/api/rounds/${round.roundId}/ranking?sort=mean&order=desc&pageSize=1`)
    ).json();
    expect(reversed.items[0].applicationId).toBe(all.items[3].applicationId);
    expect((await staff.get(`/api/rounds/${round.roundId}/ranking?sort=best`)).statusCode).toBe(400);
    expect((await staff.get(`/api/rounds/${round.roundId}/ranking?pageSize=500`)).statusCode).toBe(400);
  });

  it("is for base staff only: an expert and a member are refused, an unknown round is 404", async () => {
    expect((await (await t.signIn("expert")).get(`/api/rounds/${round.roundId}/ranking`)).statusCode).toBe(
      403,
    );
    expect((await (await t.signIn("member")).get(`/api/rounds/${round.roundId}/ranking`)).statusCode).toBe(
      403,
    );
    expect((await staff.get("/api/rounds/00000000-0000-4000-8000-000000000000/ranking")).statusCode).toBe(
      404,
    );
    expect((await staff.get("/api/rounds/not-a-uuid/ranking")).statusCode).toBe(400);
  });

  it("answers 400 naming the problem when a submitted score lies outside its scale, never a 500", async () => {
    const bad = await roundWithReviews(t, {
      scores: [
        [
          [11, 3],
          [5, 3],
        ],
        [
          [5, 3],
          [6, 3],
        ],
      ],
    });
    const res = await staff.get(`/api/rounds/${bad.roundId}/ranking`);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: "ranking_input_invalid" });
    expect(res.json().details).toMatchObject({ code: "score_out_of_scale", criterion: "innovation" });
  });

  it("exports every score as .xlsx, which reads back as the API's ranking", async () => {
    const api = { applications: (await staff.get(`/api/rounds/${round.roundId}/ranking`)).json().items };
    const res = await staff.get(`/api/rounds/${round.roundId}/ranking.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ranking = book.getWorksheet("排名-组织孵化");
    const scores = book.getWorksheet("评分-组织孵化");
    if (!ranking || !scores) throw new Error("sheets missing");
    expect((ranking.getRow(1).values as unknown[]).slice(1)).toEqual([...RANKING_HEADERS]);
    const col = (name: string) => RANKING_HEADERS.indexOf(name as (typeof RANKING_HEADERS)[number]) + 1;
    api.applications.forEach(
      (
        a: {
          position: number;
          organizationName: string;
          mean: number;
          ranks: Record<string, number | null>;
          spread: number;
        },
        i: number,
      ) => {
        const row = ranking.getRow(i + 2);
        expect(row.getCell(col("名次")).value).toBe(a.position);
        expect(row.getCell(col("机构")).value).toBe(a.organizationName);
        expect(row.getCell(col("平均分")).value).toBeCloseTo(a.mean, 6);
        expect(row.getCell(col("Schulze名次")).value).toBe(a.ranks.schulze);
        expect(row.getCell(col("标准分名次")).value).toBe(a.ranks.zScore);
        expect(row.getCell(col("名额")).value).toBe(a.position <= 2 ? "名额内" : null);
      },
    );
    const reviewRows: unknown[][] = [];
    scores.eachRow((row, n) => {
      if (n > 1) reviewRows.push((row.values as unknown[]).slice(1));
    });
    const fromApi = api.applications.flatMap(
      (a: {
        organizationName: string;
        reviews: { expertName: string; scores: Record<string, number>; total: number }[];
      }) =>
        a.reviews.map((r) => [
          a.organizationName,
          r.expertName,
          r.scores.innovation,
          r.scores.feasibility,
          r.total,
        ]),
    );
    expect(reviewRows).toEqual(fromApi);
  });
});

describe("meeting notes", () => {
  it("keeps notes on the round and on one application; refuses an application of another round and an empty note", async () => {
    const onRound = await staff.post(`/api/rounds/${round.roundId}/notes`, {
      body: "会议决定按 Schulze 排名讨论",
    });
    expect(onRound.statusCode, onRound.body).toBe(201);
    const onApp = await staff.post(`/api/rounds/${round.roundId}/notes`, {
      body: "专家意见分歧较大，需复议",
      applicationId: round.applicationIds[0],
    });
    expect(onApp.statusCode).toBe(201);
    const other = await roundWithReviews(t, { scores: [[[5, 3]]] });
    const wrong = await staff.post(`/api/rounds/${round.roundId}/notes`, {
      body: "x",
      applicationId: other.applicationIds[0],
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ field: "applicationId" });
    expect((await staff.post(`/api/rounds/${round.roundId}/notes`, { body: "   " })).statusCode).toBe(400);
    const list = (await staff.get(`/api/rounds/${round.roundId}/notes`)).json();
    expect(
      list.items.map((n: { body: string; applicationId: string | null; authorName: string }) => [
        n.body,
        n.applicationId,
        n.authorName,
      ]),
    ).toEqual([
      ["会议决定按 Schulze 排名讨论", null, "李晓梅"],
      ["专家意见分歧较大，需复议", round.applicationIds[0], "李晓梅"],
    ]);
  });
});
