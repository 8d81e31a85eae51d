import type { CSSProperties, ReactNode } from "react";

/**
 * A white box with an optional heading, drawn like antd's Card, for the public portal. Card
 * imports Tabs and their overflow menu (25 KB gzipped) for its tab bar, which the portal's phones
 * would download for nothing.
 */
export function Panel(props: {
  title?: ReactNode;
  /** Beside the title, at the end of the heading row (a count, a link). */
  extra?: ReactNode;
  size?: "small";
  style?: CSSProperties;
  bodyStyle?: CSSProperties;
  children: ReactNode;
}) {
  const small = props.size === "small";
  return (
    <div className={small ? "hatchery-panel hatchery-panel-small" : "hatchery-panel"} style={props.style}>
      {(props.title || props.extra) && (
        <div className="hatchery-panel-head">
          {props.title}
          {props.extra && <div className="hatchery-panel-extra">{props.extra}</div>}
        </div>
      )}
      <div className="hatchery-panel-body" style={props.bodyStyle}>
        {props.children}
      </div>
    </div>
  );
}
