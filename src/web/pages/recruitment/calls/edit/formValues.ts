/**
 * The call editor's form values and their mapping to and from the API. Times are edited as
 * Asia/Shanghai wall-clock times (whatever the browser's zone) and sent with +08:00.
 */
import type { Dayjs } from "dayjs";
import { type QuestionType, TRACKS, type Track } from "../../../../../domain/call";
import type { Call, CallInput } from "../../../../../schemas/recruitment/calls";
import { dayjs } from "../../../../components/format";

export interface DocumentValues {
  key: string;
  label: string;
  description?: string | null;
  required: boolean;
}

export interface TrackValues {
  track: Track;
  quota: number | null;
  maxApplications: number | null;
  minMonthsFounded: number | null;
  maxMonthsFounded: number | null;
  allowUnregistered: boolean;
  note?: string | null;
  documents: DocumentValues[];
}

export interface QuestionValues {
  key: string;
  label: string;
  type: QuestionType;
  required: boolean;
  options: string[];
  help?: string | null;
  tracks: Track[];
  /** Text questions only; empty: the type's own limit. */
  maxLength?: number | null;
  /** Number questions only; empty: no bound. */
  min?: number | null;
  max?: number | null;
  integer?: boolean;
}

export interface CallFormValues {
  title: string;
  description: string;
  opensAt: Dayjs | null;
  closesAt: Dayjs | null;
  offered: Track[];
  tracks: TrackValues[];
  questions: QuestionValues[];
  note?: string;
}

const ZONE = "Asia/Shanghai";

/** A browser-local Dayjs showing the Shanghai wall-clock time of `iso`. */
function toWallClock(iso: string): Dayjs {
  return dayjs(dayjs(iso).tz(ZONE).format("YYYY-MM-DDTHH:mm"));
}

/** The wall-clock time read as Shanghai time (UTC+8, no daylight saving). */
function fromWallClock(value: Dayjs): string {
  return `${value.format("YYYY-MM-DDTHH:mm")}:00+08:00`;
}

export function newKey(prefix: "d" | "q"): string {
  return `${prefix}_${Math.random().toString(36).slice(2, 10)}`;
}

/** What a newly ticked track starts with: the eligibility DOMAIN.md describes for it. */
export function defaultTrack(track: Track): TrackValues {
  return {
    track,
    quota: 5,
    maxApplications: null,
    minMonthsFounded: track === "project" ? 12 : null,
    maxMonthsFounded: track === "org" ? 36 : null,
    allowUnregistered: track === "combined" || track === "space",
    note: null,
    documents: [],
  };
}

export function emptyValues(): CallFormValues {
  const start = dayjs().add(1, "day").hour(9).minute(0).second(0);
  return {
    title: "",
    description: "",
    opensAt: start,
    closesAt: start.add(30, "day").hour(17),
    offered: [...TRACKS],
    tracks: TRACKS.map(defaultTrack),
    questions: [],
  };
}

export function toFormValues(call: Call): CallFormValues {
  return {
    title: call.title,
    description: call.description,
    opensAt: toWallClock(call.rules.opensAt),
    closesAt: toWallClock(call.rules.closesAt),
    offered: call.rules.tracks.map((t) => t.track),
    tracks: call.rules.tracks.map((t) => ({
      track: t.track,
      quota: t.quota,
      maxApplications: t.maxApplications,
      minMonthsFounded: t.eligibility.minMonthsFounded,
      maxMonthsFounded: t.eligibility.maxMonthsFounded,
      allowUnregistered: t.eligibility.allowUnregistered,
      note: t.eligibility.note,
      documents: t.documents.map((d) => ({ ...d })),
    })),
    questions: call.rules.questions.map((q) => ({ ...q, tracks: q.tracks ?? [] })),
  };
}

export function toInput(values: CallFormValues): CallInput {
  const text = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);
  return {
    title: values.title.trim(),
    description: values.description?.trim() ?? "",
    rules: {
      opensAt: values.opensAt ? fromWallClock(values.opensAt) : "",
      closesAt: values.closesAt ? fromWallClock(values.closesAt) : "",
      tracks: (values.tracks ?? []).map((t) => ({
        track: t.track,
        quota: t.quota ?? 0,
        maxApplications: t.maxApplications ?? null,
        eligibility: {
          minMonthsFounded: t.minMonthsFounded ?? null,
          maxMonthsFounded: t.maxMonthsFounded ?? null,
          allowUnregistered: !!t.allowUnregistered,
          note: text(t.note),
        },
        documents: (t.documents ?? []).map((d) => ({
          key: d.key,
          label: d.label?.trim() ?? "",
          description: text(d.description),
          required: !!d.required,
        })),
      })),
      questions: (values.questions ?? []).map((q) => ({
        key: q.key,
        label: q.label?.trim() ?? "",
        type: q.type,
        required: !!q.required,
        options: q.type === "single_choice" || q.type === "multiple_choice" ? (q.options ?? []) : [],
        help: text(q.help),
        tracks: q.tracks?.length ? q.tracks : null,
        maxLength: (q.type === "text" || q.type === "long_text") && q.maxLength ? q.maxLength : null,
        min: q.type === "number" && typeof q.min === "number" ? q.min : null,
        max: q.type === "number" && typeof q.max === "number" ? q.max : null,
        integer: q.type === "number" && !!q.integer,
      })),
    },
  };
}

/** The form field a server error's `field` points at (keys are hidden: their label shows it). */
export function formFieldOf(field: string): (string | number)[] | null {
  const parts = field.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (parts[0] !== "rules") return ["title", "description", "note"].includes(field) ? [field] : null;
  const [, section, index, name, sub, subName] = parts;
  if (section === "opensAt" || section === "closesAt") return [section];
  if (section === "tracks") {
    if (index === undefined || name === "track") return ["offered"];
    if (name === "eligibility" && typeof sub === "string") return ["tracks", index, sub];
    if (name === "documents" && typeof sub === "number") {
      return [
        "tracks",
        index,
        "documents",
        sub,
        subName === "key" || subName === undefined ? "label" : subName,
      ];
    }
    return typeof name === "string" ? ["tracks", index, name] : ["offered"];
  }
  if (section === "questions" && typeof index === "number") {
    return ["questions", index, name === "key" || name === undefined ? "label" : name];
  }
  return null;
}
