/**
 * What waits for base staff, on the home page: applications to check, messages to answer, calls
 * closing within a week, returned applications past their deadline. Every item is one click from
 * its action; nothing shows for other roles.
 */
import {
  AuditOutlined,
  CalendarOutlined,
  ClockCircleOutlined,
  FileSearchOutlined,
  MessageOutlined,
  WarningOutlined,
} from "@ant-design/icons";
import { Badge, Card, Empty, Row, Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { WaitingItem } from "../../../schemas/recruitment/intake";
import { useWaiting } from "../../api/recruitment/intake";
import { useAccess } from "../../auth/session";
import { formatDateTime } from "../../components/format";
import { QueryError } from "../../components/QueryError";
import { useRecruitmentLabels } from "../../components/recruitmentLabels";
import { WaitingCard } from "../../components/WaitingCard";

export function StaffWaiting() {
  const access = useAccess();
  if (!access.applicationQueue) return null;
  return <WaitingCards />;
}

function WaitingCards() {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const waiting = useWaiting();
  if (waiting.isError) return <QueryError error={waiting.error} onRetry={() => void waiting.refetch()} />;
  if (!waiting.data) {
    return (
      <Card style={{ marginBottom: 16 }}>
        <Skeleton active />
      </Card>
    );
  }
  const w = waiting.data;
  const itemLine = (item: WaitingItem, hash = "") => (
    <li
      key={item.inspectionId ?? item.applicationId}
      style={{ padding: "6px 0", borderBottom: "1px solid #f0f0f0" }}
    >
      <Link
        to={
          item.inspectionId
            ? `/inspections/${item.inspectionId}`
            : `/applications/${item.applicationId}${hash}`
        }
        style={{ fontWeight: 500 }}
      >
        {item.organizationName}
      </Link>
      {item.unread ? <Badge count={item.unread} size="small" style={{ marginInlineStart: 6 }} /> : null}
      <div style={{ fontSize: 12, color: "rgba(0,0,0,0.68)" }}>
        {item.callTitle} · {labels.track[item.track]} · {labels.applicationStatus[item.status]}
      </div>
      {item.preview && (
        <div style={{ fontSize: 13, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}>
          {item.preview}
        </div>
      )}
    </li>
  );
  const list = (items: WaitingItem[], hash = "") =>
    items.length === 0 ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("intake.home.nothing")} />
    ) : (
      <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>{items.map((i) => itemLine(i, hash))}</ul>
    );

  return (
    <section aria-label={t("intake.home.title")} style={{ marginBottom: 16 }}>
      <Row gutter={[16, 16]}>
        <WaitingCard
          icon={<FileSearchOutlined />}
          title={t("intake.home.toCheck")}
          count={w.toCheck.count}
          link="/applications?status=submitted,resubmitted&sort=lastSubmittedAt&order=asc"
        >
          {list(w.toCheck.items)}
        </WaitingCard>
        <WaitingCard
          icon={<MessageOutlined />}
          title={t("intake.home.unanswered")}
          count={w.unansweredMessages.count}
          link="/applications?unread=true"
        >
          {list(w.unansweredMessages.items, "#messages")}
        </WaitingCard>
        <WaitingCard
          icon={<ClockCircleOutlined />}
          title={t("intake.home.closingSoon")}
          count={w.closingSoon.length}
        >
          {w.closingSoon.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("intake.home.nothing")} />
          ) : (
            <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
              {w.closingSoon.map((c) => (
                <li key={c.id} style={{ padding: "6px 0", borderBottom: "1px solid #f0f0f0" }}>
                  <Link to={`/calls/${c.id}`} style={{ fontWeight: 500 }}>
                    {c.title}
                  </Link>
                  <div style={{ fontSize: 12, color: "#873800" }}>
                    {t("intake.home.closesAt", { time: formatDateTime(c.closesAt) })}
                  </div>
                  <Link
                    to={`/applications?callId=${c.id}&status=submitted,resubmitted`}
                    style={{ fontSize: 13 }}
                  >
                    {t("intake.home.counts", c)}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </WaitingCard>
        <WaitingCard
          icon={<WarningOutlined />}
          title={t("intake.home.returnedOverdue")}
          count={w.returnedOverdue.count}
          link="/applications?status=returned"
        >
          {list(w.returnedOverdue.items)}
        </WaitingCard>
        <WaitingCard
          icon={<CalendarOutlined />}
          title={t("inspections.toPlan")}
          count={w.toPlan.count}
          link="/applications?status=accepted&sort=statusChangedAt&order=asc"
        >
          {list(w.toPlan.items)}
        </WaitingCard>
        <WaitingCard
          icon={<AuditOutlined />}
          title={t("inspections.toSignOff")}
          count={w.toSignOff.count}
          link="/inspections?status=planned,recording&sort=scheduledAt&order=asc"
        >
          {list(w.toSignOff.items)}
        </WaitingCard>
      </Row>
    </section>
  );
}
