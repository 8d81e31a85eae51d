/**
 * The mentor directory (/mentors, staff): each mentor's fields, skills, load and rating, with the
 * profile editor in a drawer. The mentor's own profile (/mentoring/profile) is the same form.
 */
import { App, Card, Drawer, Skeleton, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { MentorEntry } from "../../../../../schemas/services/mentoring";
import { useMentors, useOwnProfile } from "../../../../api/services/mentoring";
import { ToneTag } from "../../../../components/labels";
import { PageHeader } from "../../../../components/PageHeader";
import { QueryError } from "../../../../components/QueryError";
import { ProfileForm } from "./ProfileForm";

export default function MentorDirectoryPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mentors = useMentors();
  const [editing, setEditing] = useState<MentorEntry | null>(null);
  return (
    <>
      <PageHeader title={t("mentoring.directory")} subTitle={t("mentoring.directoryHelp")} />
      <Card>
        {mentors.error ? (
          <QueryError error={mentors.error} onRetry={() => void mentors.refetch()} />
        ) : (
          <Table<MentorEntry>
            rowKey="id"
            loading={!mentors.data}
            dataSource={mentors.data?.items ?? []}
            pagination={false}
            scroll={{ x: 900 }}
            columns={[
              {
                title: t("mentoring.name"),
                render: (_, m) => (
                  <Space direction="vertical" size={0}>
                    <Typography.Link onClick={() => setEditing(m)}>{m.name}</Typography.Link>
                    <Typography.Text type="secondary">{m.title}</Typography.Text>
                  </Space>
                ),
              },
              {
                title: t("mentoring.fields"),
                render: (_, m) =>
                  m.fields.map((f) => <Tag key={f}>{t(`field.${f}`, { defaultValue: f })}</Tag>),
              },
              {
                title: t("mentoring.skills"),
                render: (_, m) =>
                  m.skills.map((s) => (
                    <ToneTag key={s} tone="blue">
                      {t(`mentoring.skill.${s}`, { defaultValue: s })}
                    </ToneTag>
                  )),
              },
              {
                title: t("mentoring.load"),
                render: (_, m) => (
                  <Space>
                    <span>
                      {m.load}/{m.capacity}
                    </span>
                    {!m.active && <Tag>{t("mentoring.inactive")}</Tag>}
                  </Space>
                ),
              },
              { title: t("mentoring.sessions"), dataIndex: "sessions" },
              { title: t("mentoring.rating"), render: (_, m) => m.rating ?? "—" },
              {
                title: "",
                render: (_, m) => (
                  <Typography.Link onClick={() => setEditing(m)}>{t("mentoring.edit")}</Typography.Link>
                ),
              },
            ]}
          />
        )}
      </Card>
      <Drawer
        open={!!editing}
        width={520}
        title={editing ? `${t("mentoring.profile")} · ${editing.name}` : ""}
        onClose={() => setEditing(null)}
        destroyOnHidden
      >
        {editing && (
          <ProfileForm
            key={editing.id}
            mentor={editing}
            self={false}
            onSaved={() => {
              message.success(t("mentoring.saved"));
              setEditing(null);
            }}
          />
        )}
      </Drawer>
    </>
  );
}

export function OwnProfilePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const own = useOwnProfile();
  return (
    <>
      <PageHeader title={t("mentoring.ownProfile")} />
      <Card style={{ maxWidth: 640 }}>
        {own.error ? (
          <QueryError error={own.error} onRetry={() => void own.refetch()} />
        ) : !own.data ? (
          <Skeleton active />
        ) : (
          <ProfileForm
            key={own.data.version}
            mentor={own.data}
            self
            onSaved={() => message.success(t("mentoring.saved"))}
          />
        )}
      </Card>
    </>
  );
}
