/**
 * A member's home: its organization's latest service requests (the open ones first), where each
 * stands and which closed one waits for its rating, and the way to ask for another. Handlers
 * (HandlerHomeCard) and staff (their to-do) have their own.
 */
import { Button, Card, List, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { SERVICE_CATEGORY_LABELS } from "../../../../schemas/labels";
import type { Lang } from "../../../../schemas/messages";
import { SERVICE_LABELS } from "../../../../schemas/services/labels";
import { useCatalogue, useServiceRequests } from "../../../api/services/desk";
import { useAccess } from "../../../auth/session";
import { formatDateTime } from "../../../components/format";
import { ToneTag } from "../../../components/labels";
import { QueryError } from "../../../components/QueryError";

/** How many of each the card shows; the queue has the rest. */
const SHOWN = 3;

export function MemberRequestsCard() {
  const access = useAccess();
  if (!access.serviceAsk) return null;
  return <MemberRequests />;
}

function MemberRequests() {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === "en" ? "en" : "zh-CN") as Lang;
  const labels = SERVICE_LABELS[lang];
  const navigate = useNavigate();
  const open = useServiceRequests({ status: "open", page: 1, pageSize: SHOWN });
  const done = useServiceRequests({ status: "done", page: 1, pageSize: SHOWN });
  const catalogue = useCatalogue();
  const error = open.error ?? done.error;
  // An organization the base serves in no way (an applicant, say) and that never asked: no card.
  const mayAsk = catalogue.data?.items.some((e) => e.mayAsk) ?? false;
  const asked = (open.data?.total ?? 0) + (done.data?.total ?? 0) > 0;
  if (!error && (!catalogue.data || !open.data || !done.data || (!mayAsk && !asked))) return null;
  // Open ones, then the closed ones still to rate (a rated one needs nothing more here).
  const items = [...(open.data?.items ?? []), ...(done.data?.items ?? []).filter((r) => r.rating === null)];
  return (
    <Card
      style={{ marginBottom: 16 }}
      title={<h2 className="hatchery-card-title">{t("serviceDesk.memberHome")}</h2>}
      extra={<Link to="/services/requests">{t("serviceDesk.memberAll")}</Link>}
    >
      {error ? (
        <QueryError
          error={error}
          onRetry={() => {
            void open.refetch();
            void done.refetch();
          }}
        />
      ) : items.length === 0 ? (
        // Not antd's empty text: its grey fails the contrast a sentence needs.
        <Typography.Paragraph style={{ margin: 0 }}>{t("serviceDesk.memberNothing")}</Typography.Paragraph>
      ) : (
        <List
          dataSource={items}
          renderItem={(r) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <Link to={`/services/requests/${r.id}`}>{r.title}</Link>
                    <ToneTag tone="default">{SERVICE_CATEGORY_LABELS[lang][r.category]}</ToneTag>
                    {r.status === "done" ? (
                      <ToneTag tone="orange">{t("serviceDesk.toRate")}</ToneTag>
                    ) : (
                      <ToneTag tone="blue">{labels.status[r.status]}</ToneTag>
                    )}
                  </Space>
                }
                description={
                  <Typography.Text type="secondary">
                    {r.status === "done"
                      ? t("serviceDesk.rateHint")
                      : r.scheduledAt
                        ? `${t("serviceDesk.scheduledAt")}：${formatDateTime(r.scheduledAt)}`
                        : `${t("serviceDesk.respondBy")}：${formatDateTime(r.respondBy)}`}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      )}
      {mayAsk && (
        <Button type="primary" style={{ marginTop: 12 }} onClick={() => navigate("/services/requests/new")}>
          {t("serviceDesk.ask")}
        </Button>
      )}
    </Card>
  );
}
