import { Button } from "antd";
import { Component, type ErrorInfo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { StatusMessage } from "../components/StatusMessage";

interface State {
  error: Error | null;
}

/** A page that throws while rendering shows a message instead of a blank screen. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render() {
    return this.state.error ? <Crashed /> : this.props.children;
  }
}

function Crashed() {
  const { t } = useTranslation();
  return (
    <StatusMessage
      status="error"
      title={<h1 className="hatchery-page-title">{t("error.crashed")}</h1>}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t("common.reload")}
        </Button>
      }
    />
  );
}
