import { FileTextOutlined } from "@ant-design/icons";
import { Flex } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { CallTrack, Question } from "../../../../../domain/call";
import { ToneTag } from "../../../../components/labels";
import { Panel } from "../../../../components/Panel";
import { useRecruitmentLabels } from "../../../../components/recruitmentLabels";
import { eligibilityLines } from "./labels";

const SUBHEAD = { margin: "0 0 4px", fontSize: 14, fontWeight: 600 } as const;

interface Props {
  track: CallTrack;
  questions: Question[];
  /** The apply button (portal) or links to applications (staff). */
  action?: ReactNode;
}

/** One track as applicants see it: whom it is for, places, eligibility in words, documents. */
export function TrackRules({ track, questions, action }: Props) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const own = questions.filter((q) => q.tracks?.includes(track.track));
  return (
    // A Panel, not antd's Card: the portal shows this to applicants on phones (see Panel).
    <Panel
      size="small"
      title={<h3 style={{ margin: 0, fontSize: 16 }}>{labels.track[track.track]}</h3>}
      extra={
        <span className="hatchery-secondary">
          {t("portal.quotaLine", { count: track.quota })}
          {track.maxApplications !== null && ` · ${t("portal.maxLine", { count: track.maxApplications })}`}
        </span>
      }
    >
      <Flex vertical gap={12}>
        <p className="hatchery-secondary" style={{ margin: 0 }}>
          {labels.trackSummary[track.track]}
        </p>
        <section>
          <h4 style={SUBHEAD}>{t("portal.eligibility")}</h4>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {eligibilityLines(track.eligibility, t).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
        <section>
          <h4 style={SUBHEAD}>{t("portal.documents")}</h4>
          {track.documents.length === 0 ? (
            <span className="hatchery-secondary">{t("portal.noDocuments")}</span>
          ) : (
            // A plain list: antd's List pulls in Pagination (and Select) for nothing here.
            <ul style={{ listStyle: "none", margin: 0, padding: 0, display: "grid", gap: 8 }}>
              {track.documents.map((doc) => (
                <li key={doc.key}>
                  <Flex gap={8} align="start" style={{ width: "100%" }}>
                    <FileTextOutlined aria-hidden style={{ marginTop: 4, color: "#1677ff" }} />
                    <div style={{ flex: 1, minWidth: 0 }}>
                      <div>
                        {doc.label}{" "}
                        <ToneTag tone={doc.required ? "red" : "default"}>
                          {doc.required ? t("portal.requiredDoc") : t("portal.optionalDoc")}
                        </ToneTag>
                      </div>
                      {doc.description && (
                        <span className="hatchery-secondary" style={{ fontSize: 13 }}>
                          {doc.description}
                        </span>
                      )}
                    </div>
                  </Flex>
                </li>
              ))}
            </ul>
          )}
        </section>
        {own.length > 0 && (
          <section>
            <h4 style={SUBHEAD}>{t("portal.questionsTitle")}</h4>
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {own.map((q) => (
                <li key={q.key}>
                  {q.label}
                  {q.required && <span aria-hidden> *</span>}
                </li>
              ))}
            </ul>
          </section>
        )}
        {action && (
          <Flex wrap gap={8} align="center">
            {action}
          </Flex>
        )}
      </Flex>
    </Panel>
  );
}
