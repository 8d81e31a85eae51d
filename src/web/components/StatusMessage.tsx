import { CloseCircleFilled, ExclamationCircleFilled } from "@ant-design/icons";
import type { ReactNode } from "react";

const ICONS = {
  error: <CloseCircleFilled style={{ color: "#cf1322" }} />,
  warning: <ExclamationCircleFilled style={{ color: "#d48806" }} />,
};

/**
 * An icon, a title, a line and actions, laid out like antd's Result. For what every page loads
 * (the error boundary, a failed query, the portal): Result imports its 403/404/500 pictures
 * whatever the status, 8 KB gzipped of SVG; the 403 and 404 pages still use it.
 */
export function StatusMessage(props: {
  status: keyof typeof ICONS;
  title: ReactNode;
  subTitle?: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <div className="hatchery-status">
      <div className="hatchery-status-icon" aria-hidden>
        {ICONS[props.status]}
      </div>
      {props.title}
      {props.subTitle && <div className="hatchery-secondary hatchery-status-line">{props.subTitle}</div>}
      {props.extra && <div className="hatchery-status-extra">{props.extra}</div>}
    </div>
  );
}
