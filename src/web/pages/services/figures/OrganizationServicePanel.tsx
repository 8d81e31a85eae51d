/**
 * An organization's services over the last twelve months (服务情况), on its growth file: the
 * same totals as the base's figures, for this organization alone, with its .xlsx.
 */
import { DownloadOutlined } from "@ant-design/icons";
import { App, Button, Card, Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import {
  downloadOrganizationServiceFigures,
  useOrganizationServiceFigures,
} from "../../../api/services/figures";
import { QueryError } from "../../../components/QueryError";
import { ServiceTotals } from "./ServiceFiguresSection";

export function OrganizationServicePanel({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const figures = useOrganizationServiceFigures(organizationId);
  if (figures.isError) return <QueryError error={figures.error} onRetry={() => void figures.refetch()} />;
  const exportFile = () =>
    downloadOrganizationServiceFigures(organizationId, {}).catch(
      (error: Error) => void message.error(error.message),
    );
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={<h2 style={{ margin: 0, fontSize: 15 }}>{t("serviceFigures.panel")}</h2>}
      extra={
        <Button size="small" icon={<DownloadOutlined aria-hidden />} onClick={exportFile}>
          {t("serviceFigures.export")}
        </Button>
      }
    >
      {!figures.data ? <Skeleton active /> : <ServiceTotals view={figures.data} compact />}
    </Card>
  );
}
