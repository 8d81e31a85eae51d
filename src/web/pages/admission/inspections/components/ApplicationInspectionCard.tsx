/**
 * The inspection on the staff application page: its state with a link to the record, 安排考察
 * while the application is accepted, and 考察未通过 (screen out) from accepted, in_inspection or
 * inspected.
 */
import { Button, Card, Descriptions, Flex, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { nextStatus } from "../../../../../domain/application";
import type { ExclusionCheck, InspectionStatus } from "../../../../../domain/inspection";
import type { ApplicationDetail } from "../../../../../schemas/recruitment/applications";
import { useApplicationInspection, useScreenOut } from "../../../../api/admission/inspections";
import { useAccess } from "../../../../auth/session";
import { formatDateTime } from "../../../../components/format";
import { errorMessage } from "../../../../components/serverErrors";
import { ReasonDialog } from "../../../recruitment/intake/components/ReasonDialog";
import { InspectionStatusTag, useInspectionLabels } from "./labels";
import { PlanDialog } from "./PlanDialog";

const STAGE_2 = new Set(["accepted", "in_inspection", "inspected", "screened_out", "in_review"]);

export function ApplicationInspectionCard({
  detail,
  onChanged,
}: {
  detail: ApplicationDetail;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const labels = useInspectionLabels();
  const access = useAccess();
  const navigate = useNavigate();
  const shown = STAGE_2.has(detail.status) || !!nextStatus(detail.status, "plan_inspection");
  const inspection = useApplicationInspection(detail.id, shown);
  const screenOut = useScreenOut(detail.id);
  const [planning, setPlanning] = useState(false);
  const [screening, setScreening] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!shown) return null;
  const current = inspection.data;
  const canPlan = access.inspectionPlan && nextStatus(detail.status, "plan_inspection") !== null;
  const canScreenOut = access.inspectionPlan && nextStatus(detail.status, "screen_out") !== null;
  return (
    <Card
      size="small"
      title={<h2 className="hatchery-card-title">{t("inspections.onApplication.title")}</h2>}
    >
      <Flex vertical gap={8}>
        {current ? (
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: "status",
                label: t("inspections.attr.status"),
                children: <InspectionStatusTag status={current.status as InspectionStatus} />,
              },
              {
                key: "time",
                label: t("inspections.attr.scheduledAt"),
                children: formatDateTime(current.scheduledAt),
              },
              { key: "mode", label: t("inspections.attr.mode"), children: labels.mode[current.mode] },
              {
                key: "inspectors",
                label: t("inspections.attr.inspectors"),
                children: current.inspectors.map((i) => i.name).join("、"),
              },
              ...(current.recommendation
                ? [
                    {
                      key: "rec",
                      label: t("inspections.attr.recommendation"),
                      children: labels.recommendation[current.recommendation],
                    },
                  ]
                : []),
              ...(current.exclusionsFound.length
                ? [
                    {
                      key: "excl",
                      label: t("inspections.onApplication.exclusions"),
                      children: current.exclusionsFound
                        .map((c) => labels.check[c as ExclusionCheck] ?? c)
                        .join("、"),
                    },
                  ]
                : []),
            ]}
          />
        ) : (
          <Typography.Text type="secondary">{t("inspections.onApplication.none")}</Typography.Text>
        )}
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
        <Flex wrap gap={8}>
          {current && <Link to={`/inspections/${current.id}`}>{t("inspections.onApplication.open")}</Link>}
          {canPlan && (
            <Button type="primary" onClick={() => setPlanning(true)}>
              {t("inspections.plan.button")}
            </Button>
          )}
          {canScreenOut && (
            <Button danger onClick={() => setScreening(true)}>
              {t("inspections.onApplication.screenOut")}
            </Button>
          )}
        </Flex>
      </Flex>
      {planning && (
        <PlanDialog
          open
          onClose={() => setPlanning(false)}
          target={{ kind: "new", applicationId: detail.id, organizationName: detail.organization.name }}
          onDone={(id) => {
            onChanged();
            if (id) navigate(`/inspections/${id}`);
          }}
        />
      )}
      <ReasonDialog
        open={screening}
        title={t("inspections.onApplication.screenOutTitle")}
        hint={t("inspections.onApplication.screenOutReason")}
        reason="required"
        danger
        confirming={screenOut.isPending}
        onCancel={() => setScreening(false)}
        onConfirm={async (reason) => {
          setError(null);
          try {
            await screenOut.mutateAsync({ version: detail.version, reason });
            setScreening(false);
            onChanged();
          } catch (e) {
            setError(errorMessage(e));
            setScreening(false);
            onChanged();
          }
        }}
      />
    </Card>
  );
}
