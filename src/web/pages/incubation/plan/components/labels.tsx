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

const CATEGORY_COLORS: Record<ServiceCategory, string> = {
  information: "blue",
  consulting: "purple",
  capital: "gold",
  resources: "green",
};

/** A 4Z category tag, each category its own colour. */
export function CategoryTag({ category }: { category: ServiceCategory }) {
  const labels = usePlanLabels();
  return <Tag color={CATEGORY_COLORS[category]}>{labels.category[category]}</Tag>;
}

const PLAN_COLORS: Record<PlanStatus, string> = {
  draft: "default",
  proposed: "processing",
  agreed: "success",
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
  open: "processing",
  done: "success",
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
  if (overdue) return <Tag color="error">{overdueText}</Tag>;
  return <Tag color={ACTION_COLORS[status]}>{labels.actionStatus[status]}</Tag>;
}
