/**
 * The staff's to-do card of the service desk: requests past their response time or their
 * appointment, and requests nobody handles yet (src/server/areas/services/requests/waiting.ts).
 */
import { CustomerServiceOutlined } from "@ant-design/icons";
import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useServiceWaiting } from "../../../api/services/desk";
import { useAccess } from "../../../auth/session";
import { WaitingCard } from "../../../components/WaitingCard";

export function StaffServiceWaiting() {
  const { t } = useTranslation();
  const access = useAccess();
  const waiting = useServiceWaiting(access.serviceManage);
  if (!access.serviceManage || !waiting.data) return null;
  const { overdue, unassigned } = waiting.data;
  // A card (a column) of the home's services row.
  return (
    <WaitingCard
      icon={<CustomerServiceOutlined />}
      title={t("serviceDesk.waitingTitle")}
      count={overdue}
      link="/services/requests"
    >
      <Typography.Text type={overdue > 0 ? undefined : "secondary"}>
        {overdue > 0 ? t("serviceDesk.waitingOverdue", { count: overdue }) : t("serviceDesk.waitingNone")}
      </Typography.Text>
      {unassigned > 0 && (
        <div>
          <Typography.Text>{t("serviceDesk.waitingUnassigned", { count: unassigned })}</Typography.Text>
        </div>
      )}
    </WaitingCard>
  );
}
