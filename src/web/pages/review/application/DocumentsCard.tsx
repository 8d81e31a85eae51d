import { App, Button, Card, Flex, Input, Radio } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { awaitsStaff, type DocumentReviewStatus } from "../../../../domain/application";
import type { ApplicationDetail } from "../../../../schemas/applications";
import { useReviewItem } from "../../../api/review";
import { formatDateTime } from "../../../components/format";
import { ToneTag } from "../../../components/labels";
import { ReviewTag, useRecruitmentLabels } from "../../../components/recruitmentLabels";
import { errorMessage } from "../../../components/serverErrors";
import { FileLinks, requirementList, reviewOf } from "../components/ApplicationSections";

/** The required items with their files and the completeness review of each (材料审核). */
export function DocumentsCard({ detail }: { detail: ApplicationDetail }) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const editable = awaitsStaff(detail.status);
  const items = requirementList(detail);
  return (
    <Card size="small" title={<h2 className="hatchery-card-title">{t("review.detail.documents")}</h2>}>
      {!editable && (
        <p style={{ color: "rgba(0,0,0,0.68)", marginTop: 0 }}>{t("review.detail.reviewOnlyWhenWaiting")}</p>
      )}
      <ul style={{ listStyle: "none", margin: 0, padding: 0, display: "grid", gap: 12 }}>
        {items.map((item) => {
          // A verdict given before the current file was uploaded is not shown as the item's state.
          const { review, stale } = reviewOf(detail, item.key);
          return (
            <li key={item.key} style={{ borderBottom: "1px solid #f0f0f0", paddingBottom: 12 }}>
              <Flex wrap justify="space-between" gap={8} align="baseline">
                <strong>
                  {item.label}
                  {item.required && (
                    <span style={{ color: "#a8071a" }} aria-hidden>
                      {" "}
                      *
                    </span>
                  )}
                </strong>
                {stale ? (
                  <ToneTag tone="blue">{t("review.review.updated")}</ToneTag>
                ) : (
                  <ReviewTag status={review?.status ?? "pending"} />
                )}
              </Flex>
              <div style={{ margin: "6px 0" }}>
                <FileLinks detail={detail} requirementKey={item.key} required={item.required} />
              </div>
              {review && stale && (
                <div style={{ fontSize: 12, color: "rgba(0,0,0,0.68)" }}>
                  {t("review.detail.staleReview", {
                    name: review.reviewerName ?? "",
                    time: formatDateTime(review.reviewedAt),
                    status: labels.documentReview[review.status],
                  })}
                  {review.reason && (
                    <div style={{ whiteSpace: "pre-wrap" }}>
                      {t("review.action.reason")}
                      {t("common.colon")}
                      {review.reason}
                    </div>
                  )}
                </div>
              )}
              {!stale && review?.reason && <div style={{ whiteSpace: "pre-wrap" }}>{review.reason}</div>}
              {!stale && review && review.status !== "pending" && (
                <div style={{ fontSize: 12, color: "rgba(0,0,0,0.68)" }}>
                  {t("review.detail.reviewedBy", {
                    name: review.reviewerName ?? "",
                    time: formatDateTime(review.reviewedAt),
                  })}
                </div>
              )}
              {editable && (
                <ReviewItemForm
                  applicationId={detail.id}
                  requirementKey={item.key}
                  label={item.label}
                  // A stale verdict is not preselected: staff look at the new file and decide again.
                  status={stale ? "pending" : (review?.status ?? "pending")}
                  reason={review?.reason ?? ""}
                />
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

function ReviewItemForm(props: {
  applicationId: string;
  requirementKey: string;
  label: string;
  status: DocumentReviewStatus;
  reason: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useReviewItem(props.applicationId);
  const [status, setStatus] = useState<DocumentReviewStatus>(props.status);
  const [reason, setReason] = useState(props.reason);
  const needsReason = status === "missing" || status === "needs_correction";
  const changed = status !== props.status || (needsReason && reason.trim() !== props.reason);
  const submit = async () => {
    try {
      await save.mutateAsync({
        key: props.requirementKey,
        status,
        reason: needsReason ? reason.trim() || null : null,
      });
      message.success(t("common.saved"));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  return (
    <Flex wrap gap={8} align="center" style={{ marginTop: 8 }}>
      <Radio.Group
        aria-label={`${t("review.detail.review")}${t("common.colon")}${props.label}`}
        value={status}
        onChange={(e) => setStatus(e.target.value)}
        optionType="button"
        size="small"
        options={(["ok", "missing", "needs_correction"] as const).map((s) => ({
          value: s,
          label: t(`review.review.${s}`),
        }))}
      />
      {needsReason && (
        <Input
          size="small"
          style={{ flex: "1 1 200px", minWidth: 0 }}
          aria-label={`${t("review.action.reason")}${t("common.colon")}${props.label}`}
          placeholder={t("review.review.reasonPlaceholder")}
          value={reason}
          maxLength={1000}
          status={needsReason && !reason.trim() ? "warning" : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
      )}
      <Button
        size="small"
        type="primary"
        disabled={!changed || (needsReason && !reason.trim())}
        loading={save.isPending}
        onClick={() => void submit()}
      >
        {t("review.review.save")}
      </Button>
    </Flex>
  );
}
