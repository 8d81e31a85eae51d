/**
 * The incubation plan page (/incubations/:id/plan): the needs with their 4Z tags, and the plan.
 * Staff write the draft here and take it through its steps; the organization's members (on a
 * phone, mostly) read the plan, agree to it and mark their own actions done. `IncubationPlan` is
 * the page's body, for the incubation page to embed.
 */
import { Card, Empty, Flex, Skeleton, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useNeeds, usePlan } from "../../../api/incubation/plan";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { NeedsPanel } from "./components/NeedsPanel";
import { PlanBoard, PlanSteps } from "./components/PlanBoard";
import { PlanEditor } from "./components/PlanEditor";

export default function IncubationPlanPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const plan = usePlan(id);
  const subTitle = plan.data
    ? t("incubationPlan.subtitle", {
        name: plan.data.organizationName,
        start: plan.data.startOn,
        end: plan.data.plannedEndOn,
      })
    : undefined;
  return (
    <>
      <PageHeader title={t("incubationPlan.title")} subTitle={subTitle} backTo={`/incubations/${id}`} />
      <IncubationPlan incubationId={id} />
    </>
  );
}

/** The needs and the plan of one incubation, as the reader may see and change them. */
export function IncubationPlan({ incubationId }: { incubationId: string }) {
  const { t } = useTranslation();
  const plan = usePlan(incubationId);
  const needs = useNeeds(incubationId);
  const failed = plan.error ?? needs.error;
  if (failed)
    return <QueryError error={failed} onRetry={() => void Promise.all([plan.refetch(), needs.refetch()])} />;
  if (!plan.data || !needs.data)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  const view = plan.data;
  const editing = view.can.manage && (!view.plan || view.plan.status === "draft");
  return (
    <Flex vertical gap={16}>
      <NeedsPanel
        incubationId={incubationId}
        needs={needs.data.items}
        dimensions={view.dimensions}
        canManage={view.can.manage}
      />
      <Card title={<h2 className="hatchery-card-title">{t("incubationPlan.title")}</h2>}>
        {editing ? (
          <Flex vertical gap={16}>
            <PlanSteps view={view} />
            <PlanEditor view={view} needs={needs.data.items} />
          </Flex>
        ) : view.plan ? (
          <PlanBoard view={view} needs={needs.data.items} />
        ) : (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              <Typography.Text type="secondary">{t("incubationPlan.plan.noneMember")}</Typography.Text>
            }
          />
        )}
      </Card>
    </Flex>
  );
}
