import { DownloadOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { App, Button } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ORGANIZATION_SORTS } from "../../../../../domain/organization";
import { ZOrganizationQuery } from "../../../../../schemas/platform/organizations";
import { exportOrganizations, useOrganizationList } from "../../../../api/platform/organizations";
import { useAccess } from "../../../../auth/session";
import { ListResults } from "../../../../components/list/ListResults";
import { useUrlQuery } from "../../../../components/list/useUrlQuery";
import { PageHeader } from "../../../../components/PageHeader";
import { errorMessage } from "../../../../components/serverErrors";
import { ColumnSettings, loadColumns } from "./components/ColumnSettings";
import { useOrganizationColumns } from "./components/columns";
import { OrganizationCard } from "./components/OrganizationCard";
import { OrganizationFilters } from "./components/OrganizationFilters";

/** 社会组织库: every organization of the base, filtered, sorted, exported; cards on a phone. */
export default function OrganizationListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const access = useAccess();
  const navigate = useNavigate();
  const { state, update } = useUrlQuery(ZOrganizationQuery);
  const list = useOrganizationList(state);
  const [visible, setVisible] = useState(loadColumns);
  const columns = useOrganizationColumns(visible);
  const [exporting, setExporting] = useState(false);

  const runExport = async () => {
    setExporting(true);
    try {
      await exportOrganizations(state);
    } catch (error) {
      message.error(`${t("organization.exportFailed")}: ${errorMessage(error)}`);
    } finally {
      setExporting(false);
    }
  };

  const { q, field, townId, registrationStatus, residency } = state;
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
      <OrganizationFilters value={{ q, field, townId, registrationStatus, residency }} onSearch={update} />
      <ListResults
        result={list}
        state={state}
        onChange={update}
        columns={columns}
        renderCard={(org) => <OrganizationCard org={org} />}
        sort={{
          keys: ORGANIZATION_SORTS,
          fallback: "updatedAt",
          label: (key) => t(`organization.sort.${key}`),
        }}
        extra={<ColumnSettings value={visible} onChange={setVisible} />}
      />
    </>
  );
}
