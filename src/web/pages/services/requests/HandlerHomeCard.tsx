/**
 * The home of a service's handler outside the base (a partner user, a mentor): the open requests
 * assigned to them (to a partner: to any of its users), the overdue first, with the way to the
 * queue; below, the last ones closed with the organizations' ratings, so a handler sees how its
 * work was received. Staff have their to-do instead; members their own requests.
 */
import { Card, List, Rate, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { SERVICE_CATEGORY_LABELS } from "../../../../schemas/labels";
import type { Lang } from "../../../../schemas/messages";
import { SERVICE_LABELS } from "../../../../schemas/services/labels";
import { useServiceRequests } from "../../../api/services/desk";
import { useAccess, useCurrentUser } from "../../../auth/session";
import { formatDateTime } from "../../../components/format";
import { ToneTag } from "../../../components/labels";
import { QueryError } from "../../../components/QueryError";

export function HandlerRequestsCard() {
  const access = useAccess();
  const user = useCurrentUser();
  const handler = access.serviceList && !access.serviceManage && !access.serviceAsk;
  const isHandler = handler && (user.roles.includes("partner") || user.roles.includes("mentor"));
  if (!isHandler) return null;
  return (
    <>
      <OpenRequests />
      <RecentlyDone />
    </>
  );
}

function OpenRequests() {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === "en" ? "en" : "zh-CN") as Lang;
  const requests = useServiceRequests({ status: "open", page: 1, pageSize: 5 });
  const labels = SERVICE_LABELS[lang];
  return (
    <Card
      style={{ marginBottom: 16 }}
      title={<h2 className="hatchery-card-title">{t("serviceDesk.handlerHome")}</h2>}
      extra={
        <Link to="/services/requests">{t("serviceDesk.seeAll", { count: requests.data?.total ?? 0 })}</Link>
      }
    >
      {requests.error ? (
        <QueryError error={requests.error} onRetry={() => requests.refetch()} />
      ) : (
        <List
          loading={requests.isLoading}
          locale={{ emptyText: t("serviceDesk.handlerNothing") }}
          dataSource={requests.data?.items ?? []}
          renderItem={(r) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <Link to={`/services/requests/${r.id}`}>{r.title}</Link>
                    <ToneTag tone="default">{SERVICE_CATEGORY_LABELS[lang][r.category]}</ToneTag>
                    <ToneTag tone="blue">{labels.status[r.status]}</ToneTag>
                    {r.overdue && <ToneTag tone="red">{t("serviceDesk.overdue")}</ToneTag>}
                  </Space>
                }
                description={
                  <Typography.Text type="secondary">
                    {[
                      r.organizationName,
                      r.scheduledAt
                        ? `${t("serviceDesk.scheduledAt")}：${formatDateTime(r.scheduledAt)}`
                        : `${t("serviceDesk.respondBy")}：${formatDateTime(r.respondBy)}`,
                    ].join(" · ")}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** The last requests it closed, with the rating each organization gave (or not yet). */
function RecentlyDone() {
  const { t } = useTranslation();
  const requests = useServiceRequests({ status: "done", page: 1, pageSize: 5 });
  if (requests.error || (requests.data && requests.data.total === 0)) return null;
  return (
    <Card
      style={{ marginBottom: 16 }}
      title={<h2 className="hatchery-card-title">{t("serviceDesk.handlerDone")}</h2>}
    >
      <List
        loading={requests.isLoading}
        dataSource={requests.data?.items ?? []}
        renderItem={(r) => (
          <List.Item>
            <List.Item.Meta
              // In a span: antd colours a title's direct link as text; here it should read as a link.
              title={
                <span>
                  <Link to={`/services/requests/${r.id}`}>{r.title}</Link>
                </span>
              }
              description={<Typography.Text type="secondary">{r.organizationName}</Typography.Text>}
            />
            {r.rating ? (
              <Rate disabled value={r.rating} aria-label={t("serviceDesk.ratedStars", { count: r.rating })} />
            ) : (
              <Typography.Text type="secondary">{t("serviceDesk.notRated")}</Typography.Text>
            )}
          </List.Item>
        )}
      />
    </Card>
  );
}
