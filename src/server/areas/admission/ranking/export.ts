/**
 * The ranking as .xlsx for the meeting's file: per track one sheet of the ranking (every method's
 * value and rank side by side, the flags, the decision) and one of every score (one row per
 * expert's review, a column per criterion, the weighted total). Audited like other exports.
 */
import ExcelJS from "exceljs";
import type { Db } from "../../../../db/client";
import { shanghaiDateTime } from "../../../../domain/shanghai-time";
import type { RoundRanking } from "../../../../schemas/admission/ranking";
import { RECRUITMENT_LABELS } from "../../../../schemas/recruitment/labels";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { loadRound } from "./load";
import { computeRanking } from "./ranking";

const LABELS = RECRUITMENT_LABELS["zh-CN"];
const METHOD_HEADERS = {
  mean: "平均分",
  median: "中位数",
  trimmedMean: "去极值平均",
  zScore: "标准分",
  schulze: "Schulze",
} as const;
const DECISION_LABEL = { admitted: "拟入壳", waitlisted: "候补", rejected: "未入选" } as const;

/** The header rows of the ranking sheet; the test reads the file back by these. */
export const RANKING_HEADERS = [
  "名次",
  "机构",
  "评审数",
  "平均分",
  "中位数",
  "去极值平均",
  "标准分",
  ...Object.values(METHOD_HEADERS).map((m) => `${m}名次`),
  "极差",
  "分歧",
  "名额",
  "决定",
  "理由",
] as const;

export async function exportRanking(
  db: Db,
  ctx: Context,
  roundId: string,
): Promise<{ filename: string; buffer: Buffer }> {
  const round = await loadRound(db, ctx, roundId);
  const ranking = await computeRanking(db, round);
  const buffer = await rankingWorkbook(ranking);
  await recordAudit(db, ctx, {
    baseId: round.baseId,
    action: "round.ranking_exported",
    entityType: "round",
    entityId: round.id,
    after: { tracks: ranking.tracks.map((t) => t.track) },
  });
  return { filename: `${round.title}-评审排名-${shanghaiDateTime(new Date()).slice(0, 10)}.xlsx`, buffer };
}

const round6 = (n: number | null) => (n === null ? null : Math.round(n * 1e6) / 1e6);

async function rankingWorkbook(ranking: RoundRanking): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const track of ranking.tracks) {
    const name = LABELS.track[track.track].replace(/[+]/g, "与");
    const sheet = book.addWorksheet(`排名-${name}`, { views: [{ state: "frozen", ySplit: 1, xSplit: 2 }] });
    sheet.addRow([...RANKING_HEADERS]).font = { bold: true };
    sheet.columns.forEach((c, i) => {
      c.width = i === 1 ? 30 : 11;
    });
    for (const a of track.applications) {
      sheet.addRow([
        a.position,
        a.organizationName,
        a.count,
        round6(a.mean),
        round6(a.median),
        round6(a.trimmedMean),
        round6(a.zScore),
        a.ranks.mean,
        a.ranks.median,
        a.ranks.trimmedMean,
        a.ranks.zScore,
        a.ranks.schulze,
        round6(a.spread),
        a.disagreement ? "是" : null,
        track.quota !== null && a.position <= track.quota ? "名额内" : null,
        a.decision ? DECISION_LABEL[a.decision.decision] : null,
        a.decision?.reason ?? null,
      ]);
    }
    const scores = book.addWorksheet(`评分-${name}`, { views: [{ state: "frozen", ySplit: 1 }] });
    scores.addRow([
      "机构",
      "专家",
      ...track.criteria.map((c) => `${c.nameZh}（${c.key}）`),
      "加权总分",
    ]).font = {
      bold: true,
    };
    for (const a of track.applications) {
      for (const r of a.reviews) {
        scores.addRow([
          a.organizationName,
          r.expertName,
          ...track.criteria.map((c) => r.scores[c.key] ?? null),
          round6(r.total),
        ]);
      }
    }
  }
  if (ranking.tracks.length === 0) book.addWorksheet("排名").addRow(["尚无已提交的评分"]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
