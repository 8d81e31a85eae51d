/**
 * Stage 3 on the staff home: closed review rounds with applications still undecided (to the
 * meeting view) and public notices past their end (to close them). Nothing when nothing waits.
 */
import { AuditOutlined, SoundOutlined } from "@ant-design/icons";
import { Badge, Card, Col, Row } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useAdmissionWaiting } from "../../../api/admission/notices";
import { useAccess } from "../../../auth/session";
import { formatDate } from "../../../components/format";

export function AdmissionWaiting() {
  const { t } = useTranslation();
  const access = useAccess();
  const waiting = useAdmissionWaiting(access.admissionDecide);
  const w = waiting.data;
  if (!access.admissionDecide || !w || (w.decisionsPending.length === 0 && w.noticesToClose.length === 0))
    return null;
  const title = (icon: React.ReactNode, text: string, count: number) => (
    <h2 className="hatchery-card-title" style={{ display: "flex", gap: 8, alignItems: "center" }}>
      <span aria-hidden style={{ color: "#0958d9" }}>
        {icon}
      </span>
      {text}
      <Badge count={count} showZero color={count ? "#cf1322" : "#8c8c8c"} />
    </h2>
  );
  return (
    <section aria-label={t("admission.home.decisionsPending")} style={{ marginBottom: 16 }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card
            size="small"
            style={{ height: "100%" }}
            title={title(<AuditOutlined />, t("admission.home.decisionsPending"), w.decisionsPending.length)}
          >
            <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
              {w.decisionsPending.map((r) => (
                <li key={r.roundId} style={{ padding: "6px 0", borderBottom: "1px solid #f0f0f0" }}>
                  <Link to={`/rounds/${r.roundId}/meeting`} style={{ fontWeight: 500 }}>
                    {r.title}
                  </Link>
                  <div style={{ fontSize: 12 }}>{t("admission.home.undecided", { count: r.undecided })}</div>
                </li>
              ))}
            </ul>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card
            size="small"
            style={{ height: "100%" }}
            title={title(<SoundOutlined />, t("admission.home.noticesToClose"), w.noticesToClose.length)}
          >
            <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
              {w.noticesToClose.map((n) => (
                <li key={n.noticeId} style={{ padding: "6px 0", borderBottom: "1px solid #f0f0f0" }}>
                  <Link to="/notices" style={{ fontWeight: 500 }}>
                    {n.title}
                  </Link>
                  <div style={{ fontSize: 12 }}>
                    {t("admission.home.endedAt", { date: formatDate(n.endsAt) })}
                  </div>
                </li>
              ))}
            </ul>
          </Card>
        </Col>
      </Row>
    </section>
  );
}
