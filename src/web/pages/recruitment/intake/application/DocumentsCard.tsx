import { CheckOutlined } from "@ant-design/icons";
import { App, Button, Card, Flex, Input, Radio, Tooltip } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { awaitsStaff, type DocumentReviewStatus } from "../../../../../domain/application";
import type { ApplicationDetail } from "../../../../../schemas/recruitment/applications";
import { useReviewItem, useReviewItems } from "../../../../api/recruitment/intake";
import { formatDateTime } from "../../../../components/format";
import { ToneTag } from "../../../../components/labels";
import { ReviewTag, useRecruitmentLabels } from "../../../../components/recruitmentLabels";
import { errorMessage } from "../../../../components/serverErrors";
import { FileLinks, filesFor, requirementList, reviewOf } from "../components/ApplicationSections";

type Item = ReturnType<typeof requirementList>[number];

/**
 * An item "全部合格" may mark: a file is handed in and no verdict speaks of it (never reviewed,
 * pending, or given before the current file was uploaded). Current findings are left alone.
 */
function awaitsVerdict(detail: ApplicationDetail, key: string): boolean {
  if (filesFor(detail, key).length === 0) return false;
  const { review, stale } = reviewOf(detail, key);
  return !review || review.status === "pending" || stale;
}

/** The required items with their files and the completeness review of each (材料审核). */
export function DocumentsCard({ detail }: { detail: ApplicationDetail }) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const editable = awaitsStaff(detail.status);
  const items = requirementList(detail);
  // Items whose form holds a choice not saved yet: "全部合格" must not overwrite what staff chose.
  const [unsaved, setUnsaved] = useState<ReadonlySet<string>>(() => new Set());
  const onUnsaved = useCallback((key: string, dirty: boolean) => {
    setUnsaved((previous) => {
      if (previous.has(key) === dirty) return previous;
      const next = new Set(previous);
      if (dirty) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);
  const candidates = items.filter((item) => awaitsVerdict(detail, item.key));
  return (
    <Card
      size="small"
      title={<h2 className="hatchery-card-title">{t("review.detail.documents")}</h2>}
      extra={
        editable && (
          <AllOkButton
            applicationId={detail.id}
            items={candidates.filter((item) => !unsaved.has(item.key))}
            unsaved={candidates.filter((item) => unsaved.has(item.key)).length}
          />
        )
      }
    >
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
                  // A new verdict (this form's, "全部合格", another staff member's) starts the form afresh.
                  key={`${review?.status ?? "none"}:${review?.reviewedAt ?? ""}:${stale}`}
                  applicationId={detail.id}
                  requirementKey={item.key}
                  label={item.label}
                  // A stale verdict is not preselected: staff look at the new file and decide again.
                  status={stale ? "pending" : (review?.status ?? "pending")}
                  reason={review?.reason ?? ""}
                  onUnsaved={onUnsaved}
                />
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

/** "全部合格": every item with a file and no current verdict marked ok in one request, after a confirm. */
function AllOkButton({
  applicationId,
  items,
  unsaved,
}: {
  applicationId: string;
  items: Item[];
  unsaved: number;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const save = useReviewItems(applicationId);
  const confirm = () =>
    modal.confirm({
      title: t("review.review.allOkConfirm", { count: items.length }),
      content: (
        <>
          <p style={{ marginBottom: 4 }}>{t("review.review.allOkItems")}</p>
          <ol style={{ margin: "0 0 8px", paddingInlineStart: 24 }}>
            {items.map((item) => (
              <li key={item.key}>{item.label}</li>
            ))}
          </ol>
          <p style={{ margin: 0, color: "rgba(0,0,0,0.68)" }}>{t("review.review.allOkKept")}</p>
          {unsaved > 0 && (
            <p style={{ margin: "4px 0 0", color: "#ad4e00" }}>
              {t("review.review.allOkUnsaved", { count: unsaved })}
            </p>
          )}
        </>
      ),
      okText: t("review.review.allOkAction"),
      cancelText: t("review.action.cancel"),
      onOk: async () => {
        try {
          await save.mutateAsync(items.map((item) => ({ requirementKey: item.key, status: "ok" as const })));
          message.success(t("review.review.allOkDone", { count: items.length }));
        } catch (error) {
          message.error(errorMessage(error));
        }
      },
    });
  const button = (
    <Button
      icon={<CheckOutlined aria-hidden />}
      disabled={items.length === 0}
      loading={save.isPending}
      onClick={confirm}
    >
      {t("review.review.allOk")}
    </Button>
  );
  return items.length === 0 ? <Tooltip title={t("review.review.allOkNone")}>{button}</Tooltip> : button;
}

function ReviewItemForm(props: {
  applicationId: string;
  requirementKey: string;
  label: string;
  status: DocumentReviewStatus;
  reason: string;
  onUnsaved: (key: string, dirty: boolean) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useReviewItem(props.applicationId);
  const [status, setStatus] = useState<DocumentReviewStatus>(props.status);
  const [reason, setReason] = useState(props.reason);
  const needsReason = status === "missing" || status === "needs_correction";
  const changed = status !== props.status || (needsReason && reason.trim() !== props.reason);
  const { onUnsaved, requirementKey } = props;
  useEffect(() => {
    onUnsaved(requirementKey, changed);
    return () => onUnsaved(requirementKey, false);
  }, [onUnsaved, requirementKey, changed]);
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
