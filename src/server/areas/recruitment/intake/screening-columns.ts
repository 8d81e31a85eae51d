/**
 * The columns of the screening base file (初筛基础文件): the fixed ones (organization profile,
 * call, status, dates), then the call's extra questions and, per required document, the file
 * names (each a link to the file on the platform) and the verdict state. The file is one call's,
 * so no column belongs to another call.
 */
import type { AnswerValue } from "../../../../domain/answers";
import type { IntakeVerdictStatus } from "../../../../domain/application";
import { questionsFor, type Track, trackOf } from "../../../../domain/call";
import type { EligibilityCheck } from "../../../../domain/eligibility";
import { maskMobile } from "../../../../domain/phone";
import { shanghaiDateTime } from "../../../../domain/shanghai-time";
import { INSPECTION_LABELS } from "../../../../schemas/admission/inspection-labels";
import { eligibilitySummary } from "../../../../schemas/recruitment/eligibility-words";
import { RECRUITMENT_LABELS } from "../../../../schemas/recruitment/labels";
import type { ExportCell } from "../../../xlsx-export";
import { FIELD_LABELS, LIST_SEPARATOR, REGISTRATION_LABELS } from "../../platform/organizations/spreadsheet";
import type { CallRow } from "./load";

const L = RECRUITMENT_LABELS["zh-CN"];
const INSPECTION_WORDS = INSPECTION_LABELS["zh-CN"];

/** One application with everything the file shows, loaded by screening-export.ts. */
export interface ScreeningRow {
  application: {
    id: string;
    callId: string;
    track: Track;
    status: keyof typeof L.applicationStatus;
    answers: Record<string, AnswerValue>;
    missingItems: number;
    submissionCount: number;
    firstSubmittedAt: Date | null;
    lastSubmittedAt: Date | null;
    statusChangedAt: Date;
    extendedUntil: Date | null;
    statusReason: string | null;
    createdAt: Date;
  };
  organization: {
    name: string;
    registrationStatus: keyof typeof REGISTRATION_LABELS;
    creditCode: string | null;
    foundedOn: string | null;
    fields: (keyof typeof FIELD_LABELS)[];
    address: string | null;
    leaderName: string | null;
    contactName: string | null;
    contactPhone: string | null;
    staffCount: number | null;
    volunteerCount: number | null;
  };
  townName: string | null;
  callTitle: string;
  /** Files per requirement key (current documents only, oldest first). */
  documents: Map<string, { id: string; name: string }[]>;
  verdicts: Map<string, { status: IntakeVerdictStatus; reason: string | null; stale: boolean }>;
  /** The track's rules judged on the registry's current record (null: the track is gone). */
  eligibility: EligibilityCheck[] | null;
  /** The latest inspection (stage 2), or null when none was planned. */
  inspection: {
    scheduledAt: Date;
    status: keyof typeof INSPECTION_WORDS.status;
    inspectors: string[];
    recommendation: keyof typeof INSPECTION_WORDS.recommendation | null;
    /** The checks found against admission (exclusionsFound), as words. */
    exclusions: string[];
  } | null;
}

export interface ScreeningColumn {
  header: string;
  width: number;
  value: (row: ScreeningRow) => ExportCell;
}

const time = (d: Date | null) => (d ? shanghaiDateTime(d) : null);

/** The fixed columns; the organization's name links to the application's staff page. */
const fixed = (origin: string): ScreeningColumn[] => [
  {
    header: "社会组织名称",
    width: 28,
    value: (r) => ({ text: r.organization.name, hyperlink: `${origin}/applications/${r.application.id}` }),
  },
  { header: "登记状态", width: 14, value: (r) => REGISTRATION_LABELS[r.organization.registrationStatus] },
  { header: "统一社会信用代码", width: 22, value: (r) => r.organization.creditCode },
  { header: "成立日期", width: 12, value: (r) => r.organization.foundedOn },
  {
    header: "服务领域",
    width: 18,
    value: (r) => r.organization.fields.map((f) => FIELD_LABELS[f]).join(LIST_SEPARATOR),
  },
  { header: "所在镇街", width: 12, value: (r) => r.townName },
  { header: "地址", width: 24, value: (r) => r.organization.address },
  { header: "负责人", width: 10, value: (r) => r.organization.leaderName },
  { header: "联系人", width: 10, value: (r) => r.organization.contactName },
  { header: "联系电话", width: 14, value: (r) => maskMobile(r.organization.contactPhone) },
  { header: "专职人数", width: 10, value: (r) => r.organization.staffCount },
  { header: "志愿者人数", width: 10, value: (r) => r.organization.volunteerCount },
  { header: "招募", width: 28, value: (r) => r.callTitle },
  { header: "孵化方向", width: 14, value: (r) => L.track[r.application.track] },
  {
    header: "申请条件核对",
    width: 44,
    value: (r) => (r.eligibility ? eligibilitySummary(r.eligibility, "zh-CN") : null),
  },
  { header: "申请状态", width: 16, value: (r) => L.applicationStatus[r.application.status] },
  { header: "缺项数", width: 8, value: (r) => r.application.missingItems },
  { header: "提交次数", width: 8, value: (r) => r.application.submissionCount },
  { header: "首次提交时间", width: 17, value: (r) => time(r.application.firstSubmittedAt) },
  { header: "最近提交时间", width: 17, value: (r) => time(r.application.lastSubmittedAt) },
  { header: "状态变更时间", width: 17, value: (r) => time(r.application.statusChangedAt) },
  { header: "延期至", width: 17, value: (r) => time(r.application.extendedUntil) },
  { header: "最近状态说明", width: 30, value: (r) => r.application.statusReason },
  // Stage 2 (考察): the latest inspection, as planned and as found.
  { header: "考察日期", width: 17, value: (r) => time(r.inspection?.scheduledAt ?? null) },
  {
    header: "考察状态",
    width: 10,
    value: (r) => (r.inspection ? INSPECTION_WORDS.status[r.inspection.status] : null),
  },
  { header: "考察人", width: 16, value: (r) => r.inspection?.inspectors.join(LIST_SEPARATOR) ?? null },
  {
    header: "考察建议",
    width: 14,
    value: (r) =>
      r.inspection?.recommendation ? INSPECTION_WORDS.recommendation[r.inspection.recommendation] : null,
  },
  {
    header: "发现的排除情形",
    width: 30,
    value: (r) => (r.inspection ? r.inspection.exclusions.join(LIST_SEPARATOR) || "无" : null),
  },
];

function answerText(value: AnswerValue | undefined): string | number | null {
  if (value === undefined || value === null || value === "") return null;
  if (Array.isArray(value)) return value.join(LIST_SEPARATOR);
  return value;
}

function verdictText(row: ScreeningRow, key: string): string {
  const verdict = row.verdicts.get(key);
  if (!verdict) return L.intakeVerdict.pending;
  const label = L.intakeVerdict[verdict.status];
  if (verdict.stale) return `已更新，待复核（上次审核：${label}）`;
  return verdict.reason ? `${label}：${verdict.reason}` : label;
}

/**
 * One file's cell: its name linking to GET /api/files/:id. A cell holds one link, so several files
 * are listed one a line with their addresses and the cell links to the first of them.
 */
function filesCell(files: { id: string; name: string }[], origin: string): ExportCell {
  const url = (f: { id: string }) => `${origin}/api/files/${f.id}`;
  const [first] = files;
  if (!first) return null;
  if (files.length === 1) return { text: first.name, hyperlink: url(first) };
  return { text: files.map((f) => `${f.name} ${url(f)}`).join("\n"), hyperlink: url(first) };
}

/**
 * The fixed columns, then the call's questions and documents (each track's, once). `origin` is
 * the platform's address as the request reached it, for the links.
 */
export function screeningColumns(call: CallRow, origin: string): ScreeningColumn[] {
  const columns = fixed(origin);
  const tracks = call.rules.tracks.map((t) => t.track);
  const questions = new Map(tracks.flatMap((t) => questionsFor(call.rules, t)).map((q) => [q.key, q]));
  const requirements = new Map<string, string>();
  for (const t of tracks) {
    for (const d of trackOf(call.rules, t)?.documents ?? [])
      if (!requirements.has(d.key)) requirements.set(d.key, d.label);
  }
  for (const q of questions.values()) {
    if (q.type === "file") requirements.set(`q:${q.key}`, q.label);
    else
      columns.push({
        header: q.label,
        width: q.type === "long_text" ? 40 : 16,
        value: (r) => answerText(r.application.answers[q.key]),
      });
  }
  for (const [key, label] of requirements) {
    // A document of another track is not this application's to supply: the cell stays empty.
    const applies = (r: ScreeningRow) =>
      key.startsWith("q:")
        ? questionsFor(call.rules, r.application.track).some((q) => `q:${q.key}` === key)
        : (trackOf(call.rules, r.application.track)?.documents.some((d) => d.key === key) ?? false);
    columns.push({
      header: `${label}（文件）`,
      width: 30,
      value: (r) => (applies(r) ? filesCell(r.documents.get(key) ?? [], origin) : null),
    });
    columns.push({
      header: `${label}（审核）`,
      width: 18,
      value: (r) => (applies(r) ? verdictText(r, key) : null),
    });
  }
  return columns;
}
