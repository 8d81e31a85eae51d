import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useDocumentTitle } from "../../../../components/PageHeader";

export default function ForbiddenPage({ message }: { message?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t("error.forbiddenTitle"));
  return (
    <Result
      status="403"
      title={<h1 className="hatchery-page-title">{t("error.forbiddenTitle")}</h1>}
      subTitle={message ?? t("error.forbidden")}
      extra={
        <Button type="primary" onClick={() => navigate("/")}>
          {t("error.backHome")}
        </Button>
      }
    />
  );
}
