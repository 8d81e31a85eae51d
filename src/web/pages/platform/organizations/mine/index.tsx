import { Result } from "antd";
import { useTranslation } from "react-i18next";
import { Navigate } from "react-router";
import { useAccess } from "../../../../auth/session";
import { useDocumentTitle } from "../../../../components/PageHeader";

/** 我的组织: an organization member's shortcut to their own record. */
export default function MyOrganizationPage() {
  const { t } = useTranslation();
  const access = useAccess();
  useDocumentTitle(t("organization.mineTitle"));
  if (access.myOrganizationId) return <Navigate to={`/organizations/${access.myOrganizationId}`} replace />;
  return (
    <Result
      status="info"
      title={<h1 className="hatchery-page-title">{t("organization.mineTitle")}</h1>}
      subTitle={t("organization.notLinked")}
    />
  );
}
