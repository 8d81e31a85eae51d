/**
 * The public portal's trainings (公益培训): published trainings open to the public, not yet
 * ended. Enrolling needs an account: the button signs in and comes back to the training.
 */

import { Button, Card, Empty, List, Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePortalTrainings } from "../../../api/services/trainings";
import { ToneTag } from "../../../components/labels";
import { useDocumentTitle } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { timeRange } from "./labels";

export default function PortalTrainingsPage() {
  const { t } = useTranslation();
  const list = usePortalTrainings();
  useDocumentTitle(t("trainings.portalTitle"));
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <main style={{ maxWidth: 880, margin: "0 auto", padding: "16px 12px" }}>
      <h1 className="hatchery-page-title">{t("trainings.portalTitle")}</h1>
      <p className="hatchery-secondary">{t("trainings.portalIntro")}</p>
      <Card size="small" loading={list.isLoading}>
        {(list.data?.items.length ?? 0) === 0 ? (
          <Empty description={t("trainings.none")} />
        ) : (
          <List
            dataSource={list.data?.items ?? []}
            renderItem={(i) => (
              <List.Item
                actions={[
                  <Link key="enrol" to={`/login?next=${encodeURIComponent(`/trainings/${i.id}`)}`}>
                    <Button type="primary">{t("trainings.signInToEnrol")}</Button>
                  </Link>,
                ]}
              >
                <List.Item.Meta
                  title={i.topic}
                  description={
                    <Space direction="vertical" size={0}>
                      <span>{timeRange(i.startsAt, i.endsAt)}</span>
                      <span>
                        {i.trainerName}
                        {i.place ? ` · ${i.place}` : ""}
                      </span>
                      <span>
                        <Tag>{`${i.enrolled} / ${i.capacity}`}</Tag>
                        {i.enrolled >= i.capacity && (
                          <ToneTag tone="orange">{t("trainings.waiting")}</ToneTag>
                        )}
                      </span>
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      <p style={{ marginTop: 16 }}>
        <Link to="/register">{t("trainings.registerLink")}</Link>
      </p>
    </main>
  );
}
