/**
 * The items an acceptance would go over (src/domain/intake-gaps.ts), as the accept dialogs list
 * them: one application's, or several under their organization's name (bulk).
 */
import type { IntakeGap, IntakeGapState } from "../../../../../domain/intake-gaps";
import { type Tone, ToneTag } from "../../../../components/labels";
import { useRecruitmentLabels } from "../../../../components/recruitmentLabels";

const GAP_TONE: Record<IntakeGapState, Tone> = {
  unchecked: "default",
  stale: "blue",
  missing: "red",
  needs_correction: "orange",
};

export function IntakeGapItems({ items }: { items: IntakeGap[] }) {
  const labels = useRecruitmentLabels();
  return (
    <ul style={{ margin: "4px 0 0", paddingInlineStart: 20 }}>
      {items.map((g) => (
        <li key={g.key} style={{ marginBottom: 4, overflowWrap: "anywhere" }}>
          {g.label} <ToneTag tone={GAP_TONE[g.state]}>{labels.intakeGap[g.state]}</ToneTag>
        </li>
      ))}
    </ul>
  );
}

/** Several applications' gaps, each under its organization (a bulk accept's confirmation). */
export function IntakeGapApplications({
  applications,
}: {
  applications: { id: string; organizationName: string; items: IntakeGap[] }[];
}) {
  return (
    // No scroll box of its own: a long list makes the dialog longer, and the page scrolls it.
    <ol style={{ margin: 0, paddingInlineStart: 20 }}>
      {applications.map((a) => (
        <li key={a.id} style={{ marginBottom: 8 }}>
          <strong>{a.organizationName}</strong>
          <IntakeGapItems items={a.items} />
        </li>
      ))}
    </ol>
  );
}
