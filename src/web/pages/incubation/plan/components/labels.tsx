/** Words and tags of the plan page, in the UI language (shared with the server's messages). */
import { Tag } from "antd";
import type { ActionStatus, PlanStatus, ServiceCategory } from "../../../../../domain/incubation/plan";
import { PLAN_LABELS } from "../../../../../schemas/incubation/plan";
import { SERVICE_CATEGORY_LABELS } from "../../../../../schemas/labels";
import { useLang } from "../../../../i18n";

export function usePlanLabels() {
  const lang = useLang();
  return { ...PLAN_LABELS[lang], category: SERVICE_CATEGORY_LABELS[lang] };
}

// Solid tags with white text: antd's light preset tags (gold, green) fall below 4.5:1 at 12 px.
const CATEGORY_COLORS: Record<ServiceCategory, string> = {
  information: "#0958d9",
  consulting: "#531dab",
  capital: "#ad4e00",
  resources: "#237804",
};

/** A 4Z category tag, each category its own colour. */
export function CategoryTag({ category }: { category: ServiceCategory }) {
  const labels = usePlanLabels();
  return <Tag color={CATEGORY_COLORS[category]}>{labels.category[category]}</Tag>;
}

const PLAN_COLORS: Record<PlanStatus, string> = {
  draft: "default",
  proposed: "#0958d9",
  agreed: "#237804",
};

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  const labels = usePlanLabels();
  const lang = useLang();
  const word = labels.planStatus[status];
  return (
    <Tag color={PLAN_COLORS[status]}>
      {lang === "en" ? word.charAt(0).toUpperCase() + word.slice(1) : word}
    </Tag>
  );
}

const ACTION_COLORS: Record<ActionStatus, string> = {
  open: "#0958d9",
  done: "#237804",
  dropped: "default",
};

export function ActionStatusTag({
  status,
  overdue,
  overdueText,
}: {
  status: ActionStatus;
  overdue: boolean;
  overdueText: string;
}) {
  const labels = usePlanLabels();
  if (overdue) return <Tag color="#cf1322">{overdueText}</Tag>;
  return <Tag color={ACTION_COLORS[status]}>{labels.actionStatus[status]}</Tag>;
}
