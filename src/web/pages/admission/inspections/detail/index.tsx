/**
 * One inspection (考察记录), phone first: the plan, the record form that saves itself (offline
 * too), the gaps before sign-off, and after sign-off the read-only record with 更正 and the
 * revisions. Staff also change or cancel the plan here.
 */
import { Alert, App, Button, Card, Descriptions, Flex, Skeleton, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { InspectionMode, InspectionStatus } from "../../../../../domain/inspection";
import { gapLabel } from "../../../../../schemas/admission/inspection-labels";
import type { InspectionDetail } from "../../../../../schemas/admission/inspections";
import {
  useCancelInspection,
  useCorrectInspection,
  useInspection,
  useSignOff,
} from "../../../../api/admission/inspections";
import { isApiError } from "../../../../api/client";
import { formatDateTime } from "../../../../components/format";
import { PageHeader } from "../../../../components/PageHeader";
import { QueryError } from "../../../../components/QueryError";
import { errorMessage } from "../../../../components/serverErrors";
import { useLang } from "../../../../i18n";
import { ReasonDialog } from "../../../recruitment/intake/components/ReasonDialog";
import { InspectionStatusTag, useInspectionLabels } from "../components/labels";
import { PlanDialog } from "../components/PlanDialog";
import { InspectionForm } from "./InspectionForm";
import { SaveProblems, SaveStatus } from "./SaveStatus";
import { useInspectionAutosave } from "./useInspectionAutosave";

export default function InspectionPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const inspection = useInspection(id);
  if (inspection.isError) {
    return (
      <>
        <PageHeader title={t("inspections.title")} backTo="/inspections" />
        <QueryError error={inspection.error} onRetry={() => void inspection.refetch()} />
      </>
    );
  }
  if (!inspection.data) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }
  // A new key per record: the form's state starts over on another inspection (a correction).
  return <InspectionView key={inspection.data.id} detail={inspection.data} />;
}

function InspectionView({ detail }: { detail: InspectionDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const labels = useInspectionLabels();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const editable = detail.can.record;
  const autosave = useInspectionAutosave(detail, editable);
  const signOff = useSignOff(detail.id);
  const correct = useCorrectInspection(detail.id);
  const cancel = useCancelInspection(detail.id);
  const [planning, setPlanning] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const status = detail.status as InspectionStatus;
  const signedOff = status === "signed_off";

  const doSignOff = () =>
    modal.confirm({
      title: t("inspections.signOff.button"),
      content: t("inspections.signOff.confirm"),
      onOk: async () => {
        setRefused(null);
        if (!(await autosave.flush())) return;
        try {
          await signOff.mutateAsync({ version: autosave.version() });
          void message.success(t("inspections.signOff.done"));
        } catch (error) {
          setRefused(isApiError(error) ? error.message : errorMessage(error));
        }
      },
    });

  return (
    <>
      <PageHeader
        title={t("inspections.detailTitle", { name: detail.organization.name })}
        backTo="/inspections"
        subTitle={
          <Flex wrap gap={6} align="center">
            <InspectionStatusTag status={status} />
            <span>{detail.callTitle}</span>
            {detail.revision > 1 && <span>· {t("inspections.revision", { revision: detail.revision })}</span>}
          </Flex>
        }
        extra={
          detail.can.plan && (
            <>
              <Button onClick={() => setPlanning(true)}>{t("inspections.plan.edit")}</Button>
              {!detail.supersedesId && (
                <Button danger onClick={() => setCancelling(true)}>
                  {t("inspections.plan.cancel")}
                </Button>
              )}
            </>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            {
              key: "time",
              label: t("inspections.attr.scheduledAt"),
              children: formatDateTime(detail.scheduledAt),
            },
            {
              key: "mode",
              label: t("inspections.attr.mode"),
              children: labels.mode[detail.mode as InspectionMode],
            },
            { key: "place", label: t("inspections.attr.place"), children: detail.place ?? t("common.empty") },
            {
              key: "inspectors",
              label: t("inspections.attr.inspectors"),
              children: detail.inspectors.map((i) => i.name).join("、"),
            },
          ]}
        />
      </Card>
      {status === "cancelled" && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("inspections.cancelled", { reason: detail.cancelledReason ?? "" })}
        />
      )}
      {detail.correctionReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("inspections.correct.notice", {
            revision: detail.revision,
            reason: detail.correctionReason,
          })}
        />
      )}
      {signedOff && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            detail.signedOffAt
              ? t("inspections.signOff.signedBy", {
                  name: detail.signedOffBy ?? "",
                  time: formatDateTime(detail.signedOffAt),
                })
              : t("inspections.signOff.done")
          }
          description={t("inspections.readOnly")}
          action={
            detail.supersededById ? (
              <Link to={`/inspections/${detail.supersededById}`}>{t("inspections.correct.open")}</Link>
            ) : (
              detail.can.correct && (
                <Button onClick={() => setCorrecting(true)}>{t("inspections.correct.button")}</Button>
              )
            )
          }
        />
      )}
      {editable && (
        <div
          style={{
            position: "sticky",
            top: 0,
            zIndex: 5,
            background: "#fff",
            padding: "6px 0",
            marginBottom: 8,
            borderBottom: "1px solid #f0f0f0",
          }}
        >
          <SaveStatus autosave={autosave} />
        </div>
      )}
      <SaveProblems autosave={autosave} />
      <InspectionForm detail={detail} autosave={autosave} readOnly={!editable} />
      {editable && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Flex vertical gap={8}>
            {detail.gaps.length > 0 ? (
              <div>
                <Typography.Text strong>{t("inspections.signOff.gapsTitle")}</Typography.Text>
                <ul
                  aria-label={t("inspections.signOff.gapsTitle")}
                  style={{ margin: "4px 0 0", paddingInlineStart: 18 }}
                >
                  {detail.gaps.map((g) => (
                    <li key={g}>{gapLabel(lang, g)}</li>
                  ))}
                </ul>
              </div>
            ) : (
              <Typography.Text style={{ color: "#237804" }}>{t("inspections.signOff.ready")}</Typography.Text>
            )}
            {refused && <Alert type="error" showIcon role="alert" title={refused} />}
            <div>
              <Button type="primary" loading={signOff.isPending} onClick={doSignOff}>
                {t("inspections.signOff.button")}
              </Button>
            </div>
          </Flex>
        </Card>
      )}
      {detail.revisions.length > 0 && (
        <Card
          size="small"
          title={<h2 className="hatchery-card-title">{t("inspections.section.history")}</h2>}
          style={{ marginBottom: 12 }}
        >
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {detail.revisions.map((r) => (
              <li key={r.id}>
                <Link to={`/inspections/${r.id}`}>{t("inspections.revision", { revision: r.revision })}</Link>
                {" · "}
                {labels.status[r.status as InspectionStatus]}
                {r.signedOffAt && ` · ${formatDateTime(r.signedOffAt)} ${r.signedOffBy ?? ""}`}
                {r.recommendation && ` · ${labels.recommendation[r.recommendation]}`}
                {r.correctionReason && ` · ${r.correctionReason}`}
              </li>
            ))}
          </ul>
        </Card>
      )}
      {planning && (
        <PlanDialog
          open
          onClose={() => setPlanning(false)}
          target={{
            kind: "edit",
            id: detail.id,
            version: detail.version,
            current: {
              scheduledAt: detail.scheduledAt,
              mode: detail.mode as InspectionMode,
              place: detail.place,
              inspectorIds: detail.inspectors.map((i) => i.id),
            },
          }}
          onDone={() => void message.success(t("inspections.plan.saved"))}
        />
      )}
      <ReasonDialog
        open={cancelling}
        title={t("inspections.plan.cancelTitle")}
        reason="required"
        danger
        confirming={cancel.isPending}
        onCancel={() => setCancelling(false)}
        onConfirm={async (reason) => {
          try {
            await cancel.mutateAsync({ version: detail.version, reason });
            setCancelling(false);
            void message.success(t("inspections.plan.cancelled"));
          } catch (error) {
            void message.error(errorMessage(error));
          }
        }}
      />
      <ReasonDialog
        open={correcting}
        title={t("inspections.correct.title")}
        reason="required"
        confirming={correct.isPending}
        onCancel={() => setCorrecting(false)}
        onConfirm={async (reason) => {
          try {
            const created = await correct.mutateAsync({ reason });
            setCorrecting(false);
            void message.success(t("inspections.correct.done"));
            navigate(`/inspections/${created.id}`);
          } catch (error) {
            void message.error(errorMessage(error));
          }
        }}
      />
    </>
  );
}
