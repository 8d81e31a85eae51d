import { DownloadOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { App, Button, Card } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { exportOrganizations, useOrganizationList } from "../../../../api/platform/organizations";
import { useAccess } from "../../../../auth/session";
import { PageHeader } from "../../../../components/PageHeader";
import { QueryError } from "../../../../components/QueryError";
import { errorMessage } from "../../../../components/serverErrors";
import { useIsMobile } from "../../../../components/useIsMobile";
import { ColumnSettings, loadColumns } from "./components/ColumnSettings";
import { FilterForm } from "./components/FilterForm";
import { OrganizationCards } from "./components/OrganizationCards";
import { OrganizationTable } from "./components/OrganizationTable";
import { useListQuery } from "./useListQuery";

export default function OrganizationListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const access = useAccess();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const { query, update } = useListQuery();
  const list = useOrganizationList(query);
  const [columns, setColumns] = useState(loadColumns);
  const [exporting, setExporting] = useState(false);

  const runExport = async () => {
    setExporting(true);
    try {
      await exportOrganizations(query);
    } catch (error) {
      message.error(`${t("organization.exportFailed")}: ${errorMessage(error)}`);
    } finally {
      setExporting(false);
    }
  };

  const { q, field, townId, registrationStatus, residency } = query;
  return (
    <>
      <PageHeader
        title={t("organization.listTitle")}
        extra={
          <>
            {access.organizationCreate && (
              <Button
                type="primary"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => navigate("/organizations/new")}
              >
                {t("organization.create")}
              </Button>
            )}
            {access.organizationImport && (
              <Button icon={<UploadOutlined aria-hidden />} onClick={() => navigate("/organizations/import")}>
                {t("organization.import")}
              </Button>
            )}
            {access.organizationExport && (
              <Button
                icon={<DownloadOutlined aria-hidden />}
                loading={exporting}
                onClick={() => void runExport()}
              >
                {exporting ? t("organization.exporting") : t("organization.export")}
              </Button>
            )}
          </>
        }
      />
      <FilterForm
        value={{ q, field, townId, registrationStatus, residency }}
        onSearch={(filters) =>
          update({
            q: filters.q,
            field: filters.field,
            townId: filters.townId,
            registrationStatus: filters.registrationStatus,
            residency: filters.residency,
            page: 1,
          })
        }
      />
      {list.isError && !list.data ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : isMobile ? (
        <OrganizationCards
          items={list.data?.items ?? []}
          total={list.data?.total ?? 0}
          loading={list.isFetching}
          query={query}
          onChange={update}
        />
      ) : (
        <Card
          size="small"
          title={<span aria-live="polite">{t("common.total", { count: list.data?.total ?? 0 })}</span>}
          extra={<ColumnSettings value={columns} onChange={setColumns} />}
          styles={{ body: { padding: 0 } }}
        >
          <OrganizationTable
            items={list.data?.items ?? []}
            total={list.data?.total ?? 0}
            loading={list.isFetching}
            query={query}
            visible={columns}
            onChange={update}
          />
        </Card>
      )}
    </>
  );
}
