import { Button } from "antd";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../api/client";
import { StatusMessage } from "./StatusMessage";

// Loaded when needed: their pictures are not worth a download on every page that queries.
const ForbiddenPage = lazy(() => import("../pages/platform/exception/403"));
const NotFoundPage = lazy(() => import("../pages/platform/exception/404"));

/** What a page shows when its data failed to load: 403/404 as pages, anything else with a retry. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (isApiError(error) && (error.status === 404 || error.status === 403)) {
    const Page = error.status === 404 ? NotFoundPage : ForbiddenPage;
    return (
      <Suspense fallback={null}>
        <Page message={error.message} />
      </Suspense>
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return (
    <StatusMessage
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
