/**
 * The inspection record as a phone-first form in sections: the leader, the business model, the
 * finances (yuan typed, fen stored), governance, risks, the checks for this organization (each
 * with its answer, evidence and photos), the recommendation, and files of the record in general.
 * Every change goes to autosave; read-only once signed off.
 */
import { Card, Checkbox, Flex, Input, InputNumber, Radio, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  CHECK_ANSWERS,
  type ExclusionCheck,
  FUNDING_STABILITIES,
  INCOME_SOURCES,
  RECOMMENDATIONS,
} from "../../../../../domain/inspection";
import type { InspectionDetail } from "../../../../../schemas/admission/inspections";
import type { DraftValue } from "../../../../offline/drafts";
import { useInspectionLabels } from "../components/labels";
import { EvidenceFiles, type KnownFile } from "./EvidenceFiles";
import type { InspectionAutosave } from "./useInspectionAutosave";

const field = { display: "block", fontWeight: 500, marginBottom: 4 } as const;

export function InspectionForm({
  detail,
  autosave,
  readOnly,
}: {
  detail: InspectionDetail;
  autosave: InspectionAutosave;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const labels = useInspectionLabels();
  const { values, change } = autosave;
  const [known, setKnown] = useState(() => new Map<string, KnownFile>(detail.files.map((f) => [f.id, f])));
  const learn = (file: KnownFile) => setKnown((m) => new Map(m).set(file.id, file));
  const gaps = new Set(detail.gaps);
  const id = (key: string) => `insp-${key.replaceAll(".", "-")}`;
  const str = (key: string) => (typeof values[key] === "string" ? (values[key] as string) : "");
  const list = (key: string) => (Array.isArray(values[key]) ? (values[key] as string[]) : []);

  const text = (key: string, label: string, rows = 3) => (
    <div>
      <label htmlFor={id(key)} style={field}>
        {label}
      </label>
      <Input.TextArea
        id={id(key)}
        autoSize={{ minRows: rows, maxRows: 12 }}
        maxLength={4000}
        value={str(key)}
        disabled={readOnly}
        onChange={(e) => change(key, e.target.value)}
        onBlur={() => void autosave.flush()}
      />
    </div>
  );
  const choice = (key: string, label: string, options: { value: DraftValue; label: string }[]) => (
    <div>
      <span id={`${id(key)}-label`} style={field}>
        {label}
      </span>
      <Radio.Group
        aria-labelledby={`${id(key)}-label`}
        value={values[key] ?? null}
        disabled={readOnly}
        onChange={(e) => change(key, e.target.value as DraftValue)}
        options={options.map((o) => ({ value: o.value as string, label: o.label }))}
      />
    </div>
  );
  const yuan = (key: string, label: string) => {
    const fen = values[key];
    return (
      <div>
        <label htmlFor={id(key)} style={field}>
          {label}（{t("inspections.form.yuan")}）
        </label>
        <InputNumber<number>
          id={id(key)}
          min={0}
          max={10_000_000_000}
          precision={2}
          step={1000}
          style={{ width: "100%", maxWidth: 280 }}
          value={typeof fen === "number" ? fen / 100 : null}
          disabled={readOnly}
          onChange={(v) => change(key, typeof v === "number" ? Math.round(v * 100) : null)}
          onBlur={() => void autosave.flush()}
        />
      </div>
    );
  };
  const section = (title: string, children: React.ReactNode) => (
    <Card size="small" title={<h2 className="hatchery-card-title">{title}</h2>} style={{ marginBottom: 12 }}>
      <Flex vertical gap={12}>
        {children}
      </Flex>
    </Card>
  );
  const unregistered = detail.organization.registrationStatus === "unregistered";

  return (
    // A form column, not the whole width of a wide screen: lines stay readable.
    <div style={{ maxWidth: 960 }}>
      {section(
        t("inspections.section.leader"),
        <>
          {text("leader.background", labels.field["leader.background"])}
          {text("leader.commitment", labels.field["leader.commitment"])}
          {text("leader.skills", labels.field["leader.skills"])}
          {choice("leader.referencesChecked", labels.field["leader.referencesChecked"], [
            { value: true, label: t("inspections.form.yes") },
            { value: false, label: t("inspections.form.no") },
          ])}
          {text("leader.referencesNote", t("inspections.form.referencesNote"), 2)}
        </>,
      )}
      {section(t("inspections.section.business"), text("businessModel", labels.field.businessModel))}
      {section(
        t("inspections.section.finances"),
        <>
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend style={field}>{labels.field["finances.incomeSources"]}</legend>
            <Checkbox.Group
              value={list("finances.incomeSources")}
              disabled={readOnly}
              onChange={(v) => change("finances.incomeSources", v as string[])}
              options={INCOME_SOURCES.map((s) => ({ value: s, label: labels.incomeSource[s] }))}
            />
          </fieldset>
          {yuan("finances.lastYearIncomeFen", labels.field["finances.lastYearIncomeFen"])}
          {yuan("finances.lastYearSpendingFen", labels.field["finances.lastYearSpendingFen"])}
          {choice(
            "finances.stability",
            labels.field["finances.stability"],
            FUNDING_STABILITIES.map((s) => ({ value: s, label: labels.stability[s] })),
          )}
        </>,
      )}
      {section(t("inspections.section.governance"), text("governance", labels.field.governance))}
      {section(t("inspections.section.risks"), text("risks", labels.field.risks))}
      {section(
        unregistered
          ? t("inspections.section.checksUnregistered")
          : t("inspections.section.checksRegistered"),
        detail.checks.map((check) => {
          const name = labels.check[check as ExclusionCheck] ?? check;
          const missing = gaps.has(`checks.${check}`) || gaps.has(`checks.${check}.evidence`);
          return (
            <fieldset
              key={check}
              style={{
                border: "1px solid #f0f0f0",
                borderInlineStart: missing && !readOnly ? "3px solid #d48806" : "1px solid #f0f0f0",
                borderRadius: 6,
                padding: 10,
                margin: 0,
              }}
            >
              <legend style={{ fontWeight: 600, padding: "0 4px", fontSize: 14 }}>{name}</legend>
              <Flex vertical gap={8}>
                {choice(
                  `checks.${check}.answer`,
                  t("inspections.form.answer"),
                  CHECK_ANSWERS.map((a) => ({ value: a, label: labels.answer[a] })),
                )}
                {text(`checks.${check}.evidence`, t("inspections.form.evidence"), 2)}
                <EvidenceFiles
                  inspectionId={detail.id}
                  label={name}
                  fileIds={list(`checks.${check}.fileIds`)}
                  known={known}
                  onUploaded={learn}
                  onChange={(ids) => change(`checks.${check}.fileIds`, ids)}
                  disabled={readOnly}
                />
              </Flex>
            </fieldset>
          );
        }),
      )}
      {section(
        t("inspections.section.recommendation"),
        <>
          {choice(
            "recommendation.decision",
            labels.field["recommendation.decision"],
            RECOMMENDATIONS.map((r) => ({ value: r, label: labels.recommendation[r] })),
          )}
          {text("recommendation.reason", labels.field["recommendation.reason"])}
        </>,
      )}
      {section(
        t("inspections.section.files"),
        <>
          {list("fileIds").length === 0 && readOnly && (
            <Typography.Text type="secondary">{t("common.empty")}</Typography.Text>
          )}
          <EvidenceFiles
            inspectionId={detail.id}
            label={t("inspections.section.files")}
            fileIds={list("fileIds")}
            known={known}
            onUploaded={learn}
            onChange={(ids) => change("fileIds", ids)}
            disabled={readOnly}
          />
        </>,
      )}
    </div>
  );
}
