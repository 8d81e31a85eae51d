/**
 * 提交前检查: what still blocks the submit, each with a link to where it is fixed; below it, the
 * items staff flagged that were not updated since (a warning only: the applicant may know better).
 */
import { CheckCircleOutlined, ExclamationCircleOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Flex, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { ApplicationDetail } from "../../../../../schemas/recruitment/applications";
import { useIsMobile } from "../../../../components/useIsMobile";
import { problemAnchor, problemFixLink, problemText } from "../components/problems";
import { flagList, staleFlags } from "./flags";

function goTo(anchor: string) {
  const target = document.getElementById(anchor);
  if (!target) return;
  target.scrollIntoView({ behavior: "smooth", block: "center" });
  const focusable = target.matches("input,textarea,[tabindex]")
    ? target
    : target.querySelector<HTMLElement>("input,textarea,button");
  focusable?.focus({ preventScroll: true });
}

export function Checklist({ detail }: { detail: ApplicationDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const problems = detail.problems;
  const stale = staleFlags(detail);
  const goToStyle = isMobile ? { minHeight: 40 } : undefined;
  return (
    <Card
      id="section-checklist"
      size="small"
      title={<h2 className="hatchery-card-title">{t("applications.sections.checklist")}</h2>}
    >
      <Flex vertical gap={12}>
        {problems.length === 0 ? (
          <Alert
            type="success"
            showIcon
            icon={<CheckCircleOutlined />}
            title={t("applications.checklistOk")}
          />
        ) : (
          <div>
            <Typography.Paragraph style={{ marginTop: 0 }}>
              {t("applications.checklistCount", { count: problems.length })}
            </Typography.Paragraph>
            <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: "none" }}>
              {problems.map((p) => (
                <li
                  key={`${p.kind}-${p.code}-${p.key ?? ""}`}
                  style={{ display: "flex", gap: 8, padding: "4px 0" }}
                >
                  <ExclamationCircleOutlined aria-hidden style={{ color: "#d46b08", marginTop: 4 }} />
                  <span style={{ flex: 1 }}>
                    {problemText(p, detail, t)}
                    <Button
                      type="link"
                      size="small"
                      style={goToStyle}
                      onClick={() => {
                        // The founding date is fixed in the organization editor, which comes back here.
                        const link = problemFixLink(p, detail);
                        if (link) navigate(link);
                        else goTo(problemAnchor(p));
                      }}
                    >
                      {problemFixLink(p, detail) ? t("applications.fixInProfile") : t("applications.goTo")}
                    </Button>
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )}
        {stale.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t("applications.flag.stale", { items: flagList(stale, t) })}
            description={
              <Flex vertical gap={4} align="start">
                <span>{t("applications.flag.staleHint")}</span>
                <Flex wrap gap={4}>
                  {stale.map((f) => (
                    <Button
                      key={f.key}
                      size="small"
                      style={goToStyle}
                      onClick={() => goTo(f.anchor)}
                      aria-label={`${t("applications.goTo")}${t("common.colon")}${f.label}`}
                    >
                      {f.label}
                    </Button>
                  ))}
                </Flex>
              </Flex>
            }
          />
        )}
      </Flex>
    </Card>
  );
}
