/**
 * 服务目录 (staff): the services the base offers, one section per 4Z category, archived ones
 * last and marked; add a service to a category, edit or retire one in a dialog. Members see the
 * active ones when they ask (the ask page); archived ones stay on old requests only.
 */
import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Flex, Modal, Space, Switch, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SERVICE_CATEGORIES, type ServiceCategory } from "../../../../domain/services/categories";
import { SERVICE_CATEGORY_LABELS } from "../../../../schemas/labels";
import type { Lang } from "../../../../schemas/messages";
import type { CatalogueEntry } from "../../../../schemas/services/catalogue";
import { SERVICE_LABELS } from "../../../../schemas/services/labels";
import { useCatalogue } from "../../../api/services/desk";
import { ToneTag } from "../../../components/labels";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { CatalogueForm } from "./CatalogueForm";

type Editing = { entry: CatalogueEntry | null; category?: ServiceCategory } | null;

export default function CataloguePage() {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === "en" ? "en" : "zh-CN") as Lang;
  const labels = SERVICE_LABELS[lang];
  const catalogue = useCatalogue("all");
  const [editing, setEditing] = useState<Editing>(null);
  const [showArchived, setShowArchived] = useState(false);
  const items = (catalogue.data?.items ?? []).filter((e) => showArchived || e.status === "active");
  const archivedCount = (catalogue.data?.items ?? []).filter((e) => e.status === "archived").length;

  return (
    <>
      <PageHeader
        title={t("serviceDesk.catalogue.title")}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setEditing({ entry: null })}
          >
            {t("serviceDesk.catalogue.add")}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t("serviceDesk.catalogue.intro")}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        <Switch id="catalogue-archived" checked={showArchived} onChange={setShowArchived} />
        <label htmlFor="catalogue-archived">
          {t("serviceDesk.catalogue.showArchived", { count: archivedCount })}
        </label>
      </Space>
      {catalogue.isError ? (
        <QueryError error={catalogue.error} onRetry={() => void catalogue.refetch()} />
      ) : (
        <Flex vertical gap={16} aria-busy={catalogue.isLoading}>
          {SERVICE_CATEGORIES.map((category) => {
            const rows = items
              .filter((e) => e.category === category)
              // Archived last, so the list reads as what members can ask for now.
              .sort((a, b) => Number(a.status === "archived") - Number(b.status === "archived"));
            return (
              <Card
                key={category}
                size="small"
                title={
                  <h2 style={{ fontSize: 16, margin: 0 }}>
                    {SERVICE_CATEGORY_LABELS[lang][category]}{" "}
                    <Typography.Text type="secondary" style={{ fontWeight: "normal" }}>
                      {t("serviceDesk.catalogue.count", { count: rows.length })}
                    </Typography.Text>
                  </h2>
                }
                extra={
                  <Button
                    size="small"
                    icon={<PlusOutlined aria-hidden />}
                    aria-label={`${t("serviceDesk.catalogue.addTo")}${SERVICE_CATEGORY_LABELS[lang][category]}`}
                    onClick={() => setEditing({ entry: null, category })}
                  >
                    {t("serviceDesk.catalogue.addTo")}
                  </Button>
                }
              >
                <Table<CatalogueEntry>
                  rowKey="id"
                  size="small"
                  loading={catalogue.isLoading}
                  dataSource={rows}
                  pagination={false}
                  scroll={{ x: 760 }}
                  // The same column widths in every category's card, so the cards read as one list.
                  tableLayout="fixed"
                  locale={{
                    emptyText: (
                      <Empty
                        image={Empty.PRESENTED_IMAGE_SIMPLE}
                        description={t("serviceDesk.catalogue.emptyCategory")}
                      />
                    ),
                  }}
                  columns={[
                    {
                      title: t("serviceDesk.catalogue.name"),
                      dataIndex: "name",
                      width: "32%",
                      render: (name: string, e) => (
                        <>
                          <Typography.Text strong>{name}</Typography.Text>
                          {e.description && (
                            <Typography.Paragraph
                              type="secondary"
                              ellipsis={{ rows: 2 }}
                              style={{ margin: 0, fontSize: 13 }}
                            >
                              {e.description}
                            </Typography.Paragraph>
                          )}
                        </>
                      ),
                    },
                    {
                      title: t("serviceDesk.catalogue.audiences"),
                      dataIndex: "audiences",
                      width: "24%",
                      render: (audiences: CatalogueEntry["audiences"]) => (
                        <Space size={[4, 4]} wrap>
                          {audiences.map((a) => (
                            <ToneTag key={a} tone="default">
                              {labels.audience[a]}
                            </ToneTag>
                          ))}
                        </Space>
                      ),
                    },
                    {
                      title: t("serviceDesk.catalogue.handlerKind"),
                      dataIndex: "handlerKind",
                      width: "20%",
                      render: (k: CatalogueEntry["handlerKind"], e) =>
                        e.defaultPartnerName
                          ? `${labels.handlerKind[k]}：${e.defaultPartnerName}`
                          : labels.handlerKind[k],
                    },
                    {
                      title: t("serviceDesk.catalogue.responseDaysShort"),
                      dataIndex: "responseDays",
                      width: 110,
                      align: "right",
                      render: (d: number) => t("serviceDesk.catalogue.days", { count: d }),
                    },
                    {
                      title: t("serviceDesk.catalogue.status"),
                      dataIndex: "status",
                      width: 90,
                      render: (s: CatalogueEntry["status"]) => (
                        <ToneTag tone={s === "active" ? "green" : "default"}>
                          {labels.catalogueStatus[s]}
                        </ToneTag>
                      ),
                    },
                    {
                      title: t("serviceDesk.catalogue.actions"),
                      key: "actions",
                      width: 80,
                      render: (_: unknown, e) => (
                        <Button
                          size="small"
                          aria-label={`${t("serviceDesk.catalogue.edit")} ${e.name}`}
                          onClick={() => setEditing({ entry: e })}
                        >
                          {t("serviceDesk.catalogue.edit")}
                        </Button>
                      ),
                    },
                  ]}
                />
              </Card>
            );
          })}
        </Flex>
      )}
      <Modal
        open={editing !== null}
        title={editing?.entry ? t("serviceDesk.catalogue.editTitle") : t("serviceDesk.catalogue.add")}
        onCancel={() => setEditing(null)}
        footer={null}
        destroyOnHidden
        width={640}
      >
        {editing && (
          <CatalogueForm
            key={editing.entry?.id ?? `new-${editing.category ?? ""}`}
            entry={editing.entry}
            category={editing.category}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
    </>
  );
}
