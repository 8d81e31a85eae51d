/** 提交前检查: what still blocks the submit, each with a link to where it is fixed. */
import { CheckCircleOutlined, ExclamationCircleOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ApplicationDetail } from "../../../../schemas/applications";
import { problemAnchor, problemText } from "../components/problems";

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
  const problems = detail.problems;
  return (
    <Card
      id="section-checklist"
      size="small"
      title={<h2 className="hatchery-card-title">{t("applications.sections.checklist")}</h2>}
    >
      {problems.length === 0 ? (
        <Alert type="success" showIcon icon={<CheckCircleOutlined />} title={t("applications.checklistOk")} />
      ) : (
        <>
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
                  <Button type="link" size="small" onClick={() => goTo(problemAnchor(p))}>
                    {t("applications.goTo")}
                  </Button>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
