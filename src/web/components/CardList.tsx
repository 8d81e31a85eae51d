import { Card, Empty, Pagination, Spin } from "antd";
import { Fragment, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * At phone width a wide table is hard to read: one compact card per row instead, with a small
 * pager that goes back to the top on a new page.
 */
export function CardList<T extends { id: string | number }>(props: {
  items: T[];
  loading: boolean;
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  renderCard: (item: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const { items, loading } = props;
  return (
    <Spin spinning={loading}>
      {items.length === 0 && !loading ? (
        <Card>
          <Empty />
        </Card>
      ) : (
        <ul
          aria-busy={loading}
          style={{ listStyle: "none", padding: 0, margin: 0, display: "grid", gap: 12 }}
        >
          {items.map((item) => (
            <li key={item.id}>
              <Card size="small">{props.renderCard(item)}</Card>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        style={{ marginTop: 16, justifyContent: "center" }}
        size="small"
        current={props.page}
        pageSize={props.pageSize}
        total={props.total}
        showSizeChanger={false}
        showTotal={(count) => t("common.total", { count })}
        onChange={(page) => {
          props.onPage(page);
          window.scrollTo({ top: 0 });
        }}
      />
    </Spin>
  );
}

/** A card's label–value pairs, two columns wide. */
export function CardFacts({ facts }: { facts: [label: string, value: ReactNode][] }) {
  return (
    <dl
      style={{ margin: 0, display: "grid", gridTemplateColumns: "auto 1fr", gap: "4px 12px", fontSize: 13 }}
    >
      {facts.map(([label, value]) => (
        <Fragment key={label}>
          <dt style={{ color: "rgba(0,0,0,0.68)" }}>{label}</dt>
          <dd style={{ margin: 0 }}>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
