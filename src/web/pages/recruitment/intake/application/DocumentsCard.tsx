import { CheckOutlined } from "@ant-design/icons";
import { App, Button, Card, Flex, Input, Radio, Tooltip } from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { awaitsStaff, type IntakeVerdictStatus } from "../../../../../domain/application";
import type { ApplicationDetail } from "../../../../../schemas/recruitment/applications";
import { useSaveVerdict, useSaveVerdicts } from "../../../../api/recruitment/intake";
import { formatDateTime } from "../../../../components/format";
import { ToneTag } from "../../../../components/labels";
import { IntakeVerdictTag, useRecruitmentLabels } from "../../../../components/recruitmentLabels";
import { errorMessage } from "../../../../components/serverErrors";
import { FileLinks, filesFor, requirementList, verdictOf } from "../components/ApplicationSections";

type Item = ReturnType<typeof requirementList>[number];

/**
 * An item "全部合格" may mark: a file is handed in and no verdict speaks of it (never checked,
 * pending, or given before the current file was uploaded). Current findings are left alone.
 */
function awaitsVerdict(detail: ApplicationDetail, key: string): boolean {
  if (filesFor(detail, key).length === 0) return false;
  const { verdict, stale } = verdictOf(detail, key);
  return !verdict || verdict.status === "pending" || stale;
}

/** The required items with their files and the completeness check of each (材料审核). */
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
  const list = useRef<HTMLUListElement>(null);
  return (
    <Card
      size="small"
      title={<h2 className="hatchery-card-title">{t("intake.detail.documents")}</h2>}
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
        <p style={{ color: "rgba(0,0,0,0.68)", marginTop: 0 }}>{t("intake.detail.verdictOnlyWhenWaiting")}</p>
      )}
      <ul ref={list} style={{ listStyle: "none", margin: 0, padding: 0, display: "grid", gap: 12 }}>
        {items.map((item) => {
          // A verdict given before the current file was uploaded is not shown as the item's state.
          const { verdict, stale } = verdictOf(detail, item.key);
          return (
            <li
              key={item.key}
              data-requirement={item.key}
              style={{ borderBottom: "1px solid #f0f0f0", paddingBottom: 12 }}
            >
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
                  <ToneTag tone="blue">{t("intake.verdict.updated")}</ToneTag>
                ) : (
                  <IntakeVerdictTag status={verdict?.status ?? "pending"} />
                )}
              </Flex>
              <div style={{ margin: "6px 0" }}>
                <FileLinks detail={detail} requirementKey={item.key} required={item.required} />
              </div>
              {verdict && stale && (
                <div style={{ fontSize: 12, color: "rgba(0,0,0,0.68)" }}>
                  {t("intake.detail.staleVerdict", {
                    name: verdict.checkerName ?? "",
                    time: formatDateTime(verdict.checkedAt),
                    status: labels.intakeVerdict[verdict.status],
                  })}
                  {verdict.reason && (
                    <div style={{ whiteSpace: "pre-wrap" }}>
                      {t("intake.action.reason")}
                      {t("common.colon")}
                      {verdict.reason}
                    </div>
                  )}
                </div>
              )}
              {!stale && verdict?.reason && <div style={{ whiteSpace: "pre-wrap" }}>{verdict.reason}</div>}
              {!stale && verdict && verdict.status !== "pending" && (
                <div style={{ fontSize: 12, color: "rgba(0,0,0,0.68)" }}>
                  {t("intake.detail.checkedBy", {
                    name: verdict.checkerName ?? "",
                    time: formatDateTime(verdict.checkedAt),
                  })}
                </div>
              )}
              {editable && (
                <VerdictForm
                  // A new verdict (this form's, "全部合格", another staff member's) starts the form afresh.
                  key={`${verdict?.status ?? "none"}:${verdict?.checkedAt ?? ""}:${stale}`}
                  applicationId={detail.id}
                  requirementKey={item.key}
                  label={item.label}
                  // A stale verdict is not preselected: staff look at the new file and decide again.
                  status={stale ? "pending" : (verdict?.status ?? "pending")}
                  reason={verdict?.reason ?? ""}
                  onUnsaved={onUnsaved}
                  onSaved={() => focusAfter(list.current, item.key)}
                />
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

/**
 * After a saved verdict the item's form is rebuilt (its key names the verdict) and focus would
 * fall to the page body: it goes on to the next item's verdict choice instead, or to the
 * decisions (接收 / 退回 …) after the last item, so staff can work down the list by keyboard.
 */
function focusAfter(list: HTMLUListElement | null, key: string): void {
  if (!list) return;
  const items = [...list.querySelectorAll<HTMLLIElement>(":scope > li[data-requirement]")];
  const next = items.slice(items.findIndex((li) => li.dataset.requirement === key) + 1);
  for (const li of next) {
    const radio =
      li.querySelector<HTMLInputElement>("input[type=radio]:checked") ??
      li.querySelector<HTMLInputElement>("input[type=radio]");
    if (radio) {
      radio.focus();
      return;
    }
  }
  document.querySelector<HTMLElement>("[data-decision-bar] button")?.focus();
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
  const save = useSaveVerdicts(applicationId);
  const confirm = () =>
    modal.confirm({
      title: t("intake.verdict.allOkConfirm", { count: items.length }),
      content: (
        <>
          <p style={{ marginBottom: 4 }}>{t("intake.verdict.allOkItems")}</p>
          <ol style={{ margin: "0 0 8px", paddingInlineStart: 24 }}>
            {items.map((item) => (
              <li key={item.key}>{item.label}</li>
            ))}
          </ol>
          <p style={{ margin: 0, color: "rgba(0,0,0,0.68)" }}>{t("intake.verdict.allOkKept")}</p>
          {unsaved > 0 && (
            <p style={{ margin: "4px 0 0", color: "#ad4e00" }}>
              {t("intake.verdict.allOkUnsaved", { count: unsaved })}
            </p>
          )}
        </>
      ),
      okText: t("intake.verdict.allOkAction"),
      cancelText: t("intake.action.cancel"),
      onOk: async () => {
        try {
          await save.mutateAsync(items.map((item) => ({ requirementKey: item.key, status: "ok" as const })));
          message.success(t("intake.verdict.allOkDone", { count: items.length }));
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
      {t("intake.verdict.allOk")}
    </Button>
  );
  return items.length === 0 ? <Tooltip title={t("intake.verdict.allOkNone")}>{button}</Tooltip> : button;
}

function VerdictForm(props: {
  applicationId: string;
  requirementKey: string;
  label: string;
  status: IntakeVerdictStatus;
  reason: string;
  onUnsaved: (key: string, dirty: boolean) => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveVerdict(props.applicationId);
  const [status, setStatus] = useState<IntakeVerdictStatus>(props.status);
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
      props.onSaved();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  return (
    <Flex wrap gap={8} align="center" style={{ marginTop: 8 }}>
      <Radio.Group
        aria-label={`${t("intake.detail.verdict")}${t("common.colon")}${props.label}`}
        value={status}
        onChange={(e) => setStatus(e.target.value)}
        optionType="button"
        size="small"
        options={(["ok", "missing", "needs_correction"] as const).map((s) => ({
          value: s,
          label: t(`intake.verdict.${s}`),
        }))}
      />
      {needsReason && (
        <Input
          size="small"
          style={{ flex: "1 1 200px", minWidth: 0 }}
          aria-label={`${t("intake.action.reason")}${t("common.colon")}${props.label}`}
          placeholder={t("intake.verdict.reasonPlaceholder")}
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
        {t("intake.verdict.save")}
      </Button>
    </Flex>
  );
}
