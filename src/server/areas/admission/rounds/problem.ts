/**
 * A round as the assignment math sees it (src/domain/review/assignment.ts): its applications with
 * their organization's fields, its experts with their fields of expertise and max load, the
 * conflicts found now (findConflicts), and the reviews it has.
 *
 * An expert who dropped out but had submitted reviews keeps them: in the problem they stand as a
 * stand-in expert `kept:<id>` whose load is exactly those reviews, so they count towards their
 * applications' k and nobody else's pairs move around them.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { expertProfiles, organizations, reviews, roundExperts, roundSubjects } from "../../../../db/schema";
import type { Track } from "../../../../domain/call";
import type { AssignmentRound, ReviewExpert, ReviewPair } from "../../../../domain/review/assignment";
import type { Lang } from "../../../../schemas/messages";
import { type ConflictFinding, findConflicts } from "../experts/conflicts";
import type { RoundRow } from "./load";

export interface RoundProblemData {
  subjects: {
    applicationId: string;
    organizationId: string;
    organizationName: string;
    track: Track;
    fields: string[];
  }[];
  experts: { expertId: string; fields: string[]; maxLoad: number | null; dropped: boolean }[];
  reviews: (typeof reviews.$inferSelect)[];
  /** Conflicts by application id. */
  conflicts: { applicationId: string; finding: ConflictFinding }[];
}

export const KEPT = "kept:";

export async function loadProblem(tx: Db, round: RoundRow): Promise<RoundProblemData> {
  const [subjects, experts, reviewRows] = await Promise.all([
    tx
      .select({
        applicationId: roundSubjects.subjectId,
        organizationId: roundSubjects.organizationId,
        organizationName: organizations.name,
        track: roundSubjects.track,
        fields: organizations.fields,
      })
      .from(roundSubjects)
      .innerJoin(organizations, eq(organizations.id, roundSubjects.organizationId))
      .where(eq(roundSubjects.roundId, round.id))
      .orderBy(roundSubjects.subjectId),
    tx
      .select({
        expertId: roundExperts.expertId,
        fields: expertProfiles.fields,
        maxLoad: roundExperts.maxLoad,
        droppedAt: roundExperts.droppedAt,
      })
      .from(roundExperts)
      .leftJoin(expertProfiles, eq(expertProfiles.userId, roundExperts.expertId))
      .where(eq(roundExperts.roundId, round.id))
      .orderBy(roundExperts.expertId),
    tx.select().from(reviews).where(eq(reviews.roundId, round.id)),
  ]);
  const findings = await findConflicts(
    tx,
    round.baseId,
    experts.map((e) => e.expertId),
    [...new Set(subjects.map((s) => s.organizationId))],
  );
  const conflicts = subjects.flatMap((s) =>
    findings
      .filter((f) => f.organizationId === s.organizationId)
      .map((finding) => ({ applicationId: s.applicationId, finding })),
  );
  return {
    subjects: subjects.map((s) => ({ ...s, fields: s.fields ?? [] })),
    experts: experts.map((e) => ({
      expertId: e.expertId,
      fields: e.fields ?? [],
      maxLoad: e.maxLoad,
      dropped: e.droppedAt !== null,
    })),
    reviews: reviewRows,
    conflicts,
  };
}

/**
 * The math's round: active experts, stand-ins for dropped experts' submitted reviews, k, the
 * conflicts; `fixed` is left to the caller. `pairs` are every review as a pair (a dropped
 * expert's under its stand-in).
 */
export function toAssignmentRound(
  data: RoundProblemData,
  k: number,
): { round: AssignmentRound; pairs: ReviewPair[] } {
  const dropped = new Set(data.experts.filter((e) => e.dropped).map((e) => e.expertId));
  const keptLoads = new Map<string, number>();
  const pairs: ReviewPair[] = data.reviews.map((r) => {
    if (!dropped.has(r.expertId)) return { applicationId: r.subjectId, expertId: r.expertId };
    const id = `${KEPT}${r.expertId}`;
    keptLoads.set(id, (keptLoads.get(id) ?? 0) + 1);
    return { applicationId: r.subjectId, expertId: id };
  });
  const experts: ReviewExpert[] = [
    ...data.experts
      .filter((e) => !e.dropped)
      .map((e) => ({ id: e.expertId, fields: e.fields, ...(e.maxLoad ? { maxLoad: e.maxLoad } : {}) })),
    ...[...keptLoads].map(([id, load]) => ({ id, fields: [], maxLoad: load })),
  ];
  const active = new Set(experts.map((e) => e.id));
  return {
    round: {
      applications: data.subjects.map((s) => ({ id: s.applicationId, fields: s.fields })),
      experts,
      reviewersPerApplication: k,
      conflicts: data.conflicts
        .filter((c) => active.has(c.finding.expertId))
        .map((c) => ({ applicationId: c.applicationId, expertId: c.finding.expertId })),
    },
    pairs,
  };
}

const KIND_WORDS: Record<Lang, Record<string, string>> = {
  "zh-CN": {
    member: "专家账号属于该机构",
    linked: "专家与该机构有关联",
    phone: "专家与该机构联系电话相同",
    email_domain: "专家与该机构邮箱域名相同",
    inspector: "专家曾考察该机构",
    mentor: "专家是该机构的导师",
  },
  en: {
    member: "the expert's account belongs to the organization",
    linked: "the expert is linked to the organization",
    phone: "the expert shares a phone number with the organization",
    email_domain: "the expert shares an email domain with the organization",
    inspector: "the expert inspected the organization",
    mentor: "the expert mentors the organization",
  },
};

/** What a conflict is, in words: the stored reason, or what was detected. */
export function conflictWords(finding: ConflictFinding, lang: Lang): string {
  if (finding.kind === "declared" || finding.kind === "staff") return finding.reason;
  return KIND_WORDS[lang][finding.kind] ?? finding.reason;
}

export function sharedFields(a: readonly string[], b: readonly string[]): number {
  const set = new Set(b);
  return a.filter((f) => set.has(f)).length;
}
