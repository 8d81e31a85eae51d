/**
 * One application's complete file as a .zip, for the base's records: a readable summary
 * (summary.html: the dossier, the inspection, the scores and the decision), the same as JSON, and
 * every document as uploaded. Staff only (application.export); the export is audited.
 *
 * Built with archiver (already in the tree under exceljs, now a direct dependency at the same
 * version): it streams entries, so documents are read from storage one at a time, not held in
 * memory together.
 */
import archiver from "archiver";
import { asc, eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { admissionDecisions, inspections, reviewRounds, reviews, users } from "../../../../db/schema";
import { shanghaiDateTime } from "../../../../domain/shanghai-time";
import { RECRUITMENT_LABELS } from "../../../../schemas/recruitment/labels";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { requireAccess, requireRoleFor } from "../../../policy";
import type { FileStorage } from "../../../storage";
import { activeDocuments, loadForRead } from "../../recruitment/applications/load";
import { applicationDetail } from "../../recruitment/applications/view";

const LABELS = RECRUITMENT_LABELS["zh-CN"];

const escapeHtml = (value: unknown) =>
  String(value ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A safe entry name: no path separators (upload names already refuse control characters). */
function entryName(name: string): string {
  return name.replace(/[\\/:*?"<>|]/g, "_").slice(0, 120) || "file";
}

export async function applicationFileZip(
  db: Db,
  ctx: Context,
  storage: FileStorage,
  id: string,
): Promise<{ filename: string; buffer: Buffer }> {
  requireRoleFor(ctx.actor, "application.export");
  const row = await loadForRead(db, ctx, id);
  requireAccess(ctx.actor, "application.export", row);
  const detail = await applicationDetail(db, ctx, row);
  const inspectionRows = await db
    .select()
    .from(inspections)
    .where(eq(inspections.applicationId, id))
    .orderBy(asc(inspections.revision));
  const reviewRows = await db
    .select({
      roundTitle: reviewRounds.title,
      expertName: users.displayName,
      status: reviews.status,
      scores: reviews.scores,
      comments: reviews.comments,
      overallComment: reviews.overallComment,
      submittedAt: reviews.submittedAt,
    })
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.expertId))
    .innerJoin(reviewRounds, eq(reviewRounds.id, reviews.roundId))
    .where(eq(reviews.subjectId, id))
    .orderBy(asc(reviews.submittedAt));
  const [decision] = await db
    .select()
    .from(admissionDecisions)
    .where(eq(admissionDecisions.applicationId, id));

  const archive = archiver("zip", { zlib: { level: 6 } });
  const chunks: Buffer[] = [];
  archive.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    archive.on("end", () => resolve());
    archive.on("error", reject);
  });
  const record = {
    application: detail,
    inspections: inspectionRows,
    reviews: reviewRows,
    decision: decision ?? null,
    exportedAt: new Date().toISOString(),
  };
  archive.append(JSON.stringify(record, null, 2), { name: "application.json" });
  archive.append(summaryHtml(record, detail.organization.name), { name: "summary.html" });
  const stored = await activeDocuments(db, id);
  stored.forEach((d, i) => {
    const name = `documents/${String(i + 1).padStart(2, "0")}-${entryName(d.requirementKey)}-${entryName(d.file.originalName)}`;
    archive.append(storage.stream(d.file.sha256), { name });
  });
  await archive.finalize();
  await finished;
  await recordAudit(db, ctx, {
    baseId: row.baseId,
    action: "application.file_exported",
    entityType: "application",
    entityId: row.id,
    after: { documents: stored.length },
  });
  return { filename: `${detail.organization.name}-申请档案.zip`, buffer: Buffer.concat(chunks) };
}

type Detail = Awaited<ReturnType<typeof applicationDetail>>;
interface FileRecord {
  application: Detail;
  inspections: (typeof inspections.$inferSelect)[];
  reviews: {
    roundTitle: string;
    expertName: string;
    status: string;
    scores: Record<string, number>;
    comments: Record<string, string>;
    overallComment: string | null;
    submittedAt: Date | null;
  }[];
  decision: typeof admissionDecisions.$inferSelect | null;
}

function summaryHtml(r: FileRecord, organizationName: string): string {
  const a = r.application;
  const row = (label: string, value: unknown) =>
    `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;
  const answers = Object.entries(a.answers as Record<string, unknown>)
    .map(([k, v]) =>
      row(
        a.requirements.questions.find((q) => q.key === k)?.label ?? k,
        typeof v === "string" ? v : JSON.stringify(v),
      ),
    )
    .join("");
  const docs = a.documents
    .map((d) => `<li>${escapeHtml(d.requirementKey)}：${escapeHtml(d.file.originalName)}</li>`)
    .join("");
  const insp = r.inspections
    .map(
      (i) =>
        `<h3>第 ${i.revision} 版（${escapeHtml(i.status)}）</h3><table>${row("方式", i.mode)}${row("时间", shanghaiDateTime(i.scheduledAt))}${row("建议", i.recommendation ?? "")}${row("签署", i.signedOffAt ? shanghaiDateTime(i.signedOffAt) : "")}</table><pre>${escapeHtml(JSON.stringify(i.finding, null, 2))}</pre>`,
    )
    .join("");
  const scores = r.reviews
    .map(
      (v) =>
        `<h3>${escapeHtml(v.roundTitle)} · ${escapeHtml(v.expertName)}（${escapeHtml(v.status)}）</h3><table>${Object.entries(
          v.scores,
        )
          .map(([k, s]) => row(k, `${s}${v.comments[k] ? `　${v.comments[k]}` : ""}`))
          .join("")}${row("总体意见", v.overallComment ?? "")}</table>`,
    )
    .join("");
  const d = r.decision;
  const decision = d
    ? `<table>${row("决定", LABELS.applicationStatus[d.decision])}${row("理由", d.reason)}${row("超额理由", d.overQuotaReason ?? "")}${row("公开的评审意见摘要", d.releasedSummary ?? "")}${row("决定时间", shanghaiDateTime(d.decidedAt))}${row("生效时间", d.finalAt ? shanghaiDateTime(d.finalAt) : "未生效（公示未结束）")}${row("确认截止", d.confirmBy ? shanghaiDateTime(d.confirmBy) : "")}</table>`
    : "<p>尚无入壳决定</p>";
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(organizationName)} 申请档案</title>
<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.6}th{text-align:left;padding-right:1em;vertical-align:top;white-space:nowrap}td{white-space:pre-wrap}pre{background:#f5f5f5;padding:1em;overflow:auto}</style></head><body>
<h1>${escapeHtml(organizationName)} 申请档案</h1>
<table>${row("招募", a.call.title)}${row("孵化方向", LABELS.track[a.track])}${row("状态", LABELS.applicationStatus[a.status])}${row("首次提交", a.firstSubmittedAt ?? "")}</table>
<h2>申请内容</h2><table>${answers}</table>
<h2>材料</h2><ul>${docs || "<li>无</li>"}</ul>
<h2>考察记录</h2>${insp || "<p>无</p>"}
<h2>专家评分</h2>${scores || "<p>无</p>"}
<h2>入壳决定</h2>${decision}
</body></html>`;
}
