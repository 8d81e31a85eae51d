/**
 * The parts of an application both the intake page and the printable dossier show: the
 * organization's profile, the answers to the call's questions, and the documents per requirement.
 */
import { PaperClipOutlined } from "@ant-design/icons";
import { Descriptions, Grid } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import {
  type IntakeGap,
  type IntakeItem,
  intakeGaps,
  isVerdictStale,
} from "../../../../../domain/intake-gaps";
import type { ApplicationDetail } from "../../../../../schemas/recruitment/applications";
import { fileUrl } from "../../../../api/recruitment/applications";
import { formatDate } from "../../../../components/format";
import { FieldTags, RegistrationTag } from "../../../../components/labels";

type Detail = ApplicationDetail;

export function OrganizationProfile({ detail, column = 2 }: { detail: Detail; column?: number }) {
  const { t } = useTranslation();
  const o = detail.organization;
  const empty = t("common.empty");
  const a = (key: string) => t(`organization.attr.${key}` as "organization.attr.name");
  return (
    <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: column }}>
      <Descriptions.Item label={a("name")}>{o.name}</Descriptions.Item>
      <Descriptions.Item label={a("registrationStatus")}>
        <RegistrationTag status={o.registrationStatus} />
      </Descriptions.Item>
      <Descriptions.Item label={a("creditCode")}>{o.creditCode ?? empty}</Descriptions.Item>
      <Descriptions.Item label={a("foundedOn")}>{formatDate(o.foundedOn)}</Descriptions.Item>
      <Descriptions.Item label={a("fields")}>
        {o.fields.length ? <FieldTags fields={o.fields} /> : empty}
      </Descriptions.Item>
      <Descriptions.Item label={a("townId")}>{o.townName ?? empty}</Descriptions.Item>
      <Descriptions.Item label={a("address")}>{o.address ?? empty}</Descriptions.Item>
      <Descriptions.Item label={a("leaderName")}>{o.leaderName ?? empty}</Descriptions.Item>
      <Descriptions.Item label={a("contactName")}>{o.contactName ?? empty}</Descriptions.Item>
      <Descriptions.Item label={a("contactPhone")}>{o.contactPhone ?? empty}</Descriptions.Item>
      <Descriptions.Item label={a("staffCount")}>{o.staffCount ?? empty}</Descriptions.Item>
      <Descriptions.Item label={a("volunteerCount")}>{o.volunteerCount ?? empty}</Descriptions.Item>
      <Descriptions.Item label={a("description")} span="filled">
        <span style={{ whiteSpace: "pre-wrap" }}>{o.description ?? empty}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The files handed in for one requirement key (current ones). */
export function filesFor(detail: Detail, key: string) {
  return detail.documents.filter((d) => d.requirementKey === key).map((d) => d.file);
}

export function FileLinks({
  detail,
  requirementKey,
  links = true,
  required = true,
  extra,
}: {
  detail: Detail;
  requirementKey: string;
  links?: boolean;
  required?: boolean;
  /** Shown after a file's links (the intake page's "查看"). */
  extra?: (file: Detail["documents"][number]["file"]) => ReactNode;
}) {
  const { t } = useTranslation();
  const files = filesFor(detail, requirementKey);
  if (files.length === 0)
    return (
      <span style={{ color: required ? "#a8071a" : "rgba(0,0,0,0.68)" }}>{t("intake.detail.noFile")}</span>
    );
  return (
    <ul style={{ margin: 0, padding: 0, listStyle: "none" }}>
      {files.map((f) => (
        <li key={f.id} style={{ overflowWrap: "anywhere" }}>
          {links ? (
            <>
              <a href={fileUrl(f.id)} target="_blank" rel="noreferrer">
                <PaperClipOutlined aria-hidden /> {f.originalName}
              </a>{" "}
              <a
                href={fileUrl(f.id)}
                download={f.originalName}
                aria-label={`${t("intake.detail.download")} ${f.originalName}`}
              >
                {t("intake.detail.download")}
              </a>
              {extra?.(f)}
            </>
          ) : (
            f.originalName
          )}
        </li>
      ))}
    </ul>
  );
}

export function answerText(detail: Detail, key: string, empty: string, separator: string): ReactNode {
  const value = detail.answers[key];
  if (value === undefined || value === null || value === "") return empty;
  if (Array.isArray(value)) return value.length ? value.join(separator) : empty;
  return <span style={{ whiteSpace: "pre-wrap" }}>{String(value)}</span>;
}

export function Answers({ detail, links = true }: { detail: Detail; links?: boolean }) {
  const { t } = useTranslation();
  // Below md a fixed label column leaves long answers a few characters wide: label above value.
  const narrow = Grid.useBreakpoint().md === false;
  const questions = detail.requirements.questions;
  if (questions.length === 0) return <span>{t("common.empty")}</span>;
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      layout={narrow ? "vertical" : "horizontal"}
      styles={{ label: narrow ? undefined : { width: 180 } }}
    >
      {questions.map((q) => (
        <Descriptions.Item key={q.key} label={q.label}>
          {q.type === "file" ? (
            <FileLinks detail={detail} requirementKey={`q:${q.key}`} links={links} />
          ) : (
            answerText(detail, q.key, t("intake.detail.empty"), t("common.listSeparator"))
          )}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/** Required documents and file questions: what the completeness check goes through. */
export function requirementList(detail: Detail): IntakeItem[] {
  return [
    ...detail.requirements.documents.map((d) => ({ key: d.key, label: d.label, required: d.required })),
    ...detail.requirements.questions
      .filter((q) => q.type === "file")
      .map((q) => ({ key: `q:${q.key}`, label: q.label, required: q.required })),
  ];
}

/**
 * An item's completeness check and whether it is stale: a file of the item was uploaded after
 * the verdict, so the verdict speaks of a file that is no longer the one handed in.
 */
export function verdictOf(detail: Detail, key: string) {
  const verdict = detail.verdicts.find((r) => r.requirementKey === key);
  const uploads = filesFor(detail, key).map((f) => f.createdAt);
  return { verdict, stale: verdict ? isVerdictStale(verdict, uploads) : false };
}

/** What an accept would go over: the same list the server checks (src/domain/intake-gaps.ts). */
export function gapsOfDetail(detail: Detail): IntakeGap[] {
  return intakeGaps(
    requirementList(detail),
    detail.verdicts,
    detail.documents.map((d) => ({ requirementKey: d.requirementKey, uploadedAt: d.file.createdAt })),
  );
}
