import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useDocumentTitle } from "../../../../components/PageHeader";

export default function NotFoundPage({ message }: { message?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t("error.notFoundTitle"));
  return (
    <Result
      status="404"
      title={<h1 className="hatchery-page-title">{t("error.notFoundTitle")}</h1>}
      subTitle={message ?? t("error.notFound")}
      extra={
        <Button type="primary" onClick={() => navigate("/")}>
          {t("error.backHome")}
        </Button>
      }
    />
  );
}
