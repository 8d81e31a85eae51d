import { EyeOutlined } from "@ant-design/icons";
import { Button, Card, Flex } from "antd";
import { useCallback, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { awaitsStaff } from "../../../../../domain/application";
import { showsInline } from "../../../../../domain/upload";
import type { ApplicationDetail } from "../../../../../schemas/recruitment/applications";
import { formatDateTime } from "../../../../components/format";
import { ToneTag } from "../../../../components/labels";
import { IntakeVerdictTag, useRecruitmentLabels } from "../../../../components/recruitmentLabels";
import { FileLinks, filesFor, requirementList, verdictOf } from "../components/ApplicationSections";
import { DocumentPreview, type Viewable } from "./DocumentPreview";
import { AllOkButton, VerdictForm } from "./ItemVerdict";
import { ReplacedFiles } from "./ReplacedFiles";

/**
 * An item "全部合格" may mark: a file is handed in and no verdict speaks of it (never checked,
 * pending, or given before the current file was uploaded). Current findings are left alone.
 */
function awaitsVerdict(detail: ApplicationDetail, key: string): boolean {
  if (filesFor(detail, key).length === 0) return false;
  const { verdict, stale } = verdictOf(detail, key);
  return !verdict || verdict.status === "pending" || stale;
}

/**
 * The required items with their files and the completeness check of each (材料审核). A PDF or an
 * image opens beside the list (full screen on a phone) with that item's verdict under it.
 */
export function DocumentsCard({ detail }: { detail: ApplicationDetail }) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const editable = awaitsStaff(detail.status);
  const items = requirementList(detail);
  // Items whose form holds a choice not saved yet: "全部合格" must not overwrite what staff chose.
  const [unsaved, setUnsaved] = useState<ReadonlySet<string>>(() => new Set());
  const list = useRef<HTMLUListElement>(null);
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
  // Every current file a browser can show, in the items' order: the preview steps through them.
  const viewable: Viewable[] = items.flatMap((item) =>
    filesFor(detail, item.key)
      .filter((f) => showsInline(f.mime))
      .map((file) => ({ item, file })),
  );
  const [viewing, setViewing] = useState<string | null>(null);
  const viewButton = (fileId: string, name: string) => (
    <Button
      size="small"
      type="link"
      icon={<EyeOutlined aria-hidden />}
      aria-label={t("intake.preview.openLabel", { name })}
      onClick={() => setViewing(fileId)}
    >
      {t("intake.preview.open")}
    </Button>
  );
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
                <FileLinks
                  detail={detail}
                  requirementKey={item.key}
                  required={item.required}
                  extra={(f) => (showsInline(f.mime) ? viewButton(f.id, f.originalName) : null)}
                />
                <ReplacedFiles detail={detail} requirementKey={item.key} />
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
      <DocumentPreview
        detail={detail}
        viewable={viewable}
        fileId={viewing}
        editable={editable}
        onChange={setViewing}
      />
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
