import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { isApiError } from "../api/client";
import ForbiddenPage from "../pages/platform/exception/403";
import NotFoundPage from "../pages/platform/exception/404";

/** What a page shows when its data failed to load: 403/404 as pages, anything else with a retry. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (isApiError(error) && error.status === 404) return <NotFoundPage message={error.message} />;
  if (isApiError(error) && error.status === 403) return <ForbiddenPage message={error.message} />;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Result
      status="warning"
      title={<h1 className="hatchery-page-title">{t("common.loadFailed")}</h1>}
      subTitle={message}
      extra={
        onRetry && (
          <Button type="primary" onClick={onRetry}>
            {t("common.retry")}
          </Button>
        )
      }
    />
  );
}
