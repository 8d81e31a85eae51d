/** 资助项目: the projects the reader may see (staff the base's, a member its own, a partner those its funds granted). */
import { Input, Select, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PROJECT_STATUSES, type ProjectStatus } from "../../../../domain/funding/grant";
import { formatFen } from "../../../../domain/funding/money";
import type { ProjectEntry } from "../../../../schemas/funding/projects";
import { useProjects } from "../../../api/funding/projects";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { ProjectStatusTag } from "./labels";

export default function ProjectListPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState<string>();
  const [status, setStatus] = useState<ProjectStatus>();
  const [page, setPage] = useState(1);
  const projects = useProjects({ q, status, page, pageSize: 20 });
  return (
    <>
      <PageHeader title={t("fundingProjects.projects.title")} />
      <Typography.Paragraph type="secondary">{t("fundingProjects.projects.intro")}</Typography.Paragraph>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 8, marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t("fundingProjects.projects.search")}
          aria-label={t("fundingProjects.projects.search")}
          style={{ maxWidth: 320 }}
          onSearch={(value) => {
            setQ(value.trim() || undefined);
            setPage(1);
          }}
        />
        <Select<ProjectStatus>
          allowClear
          aria-label={t("fundingProjects.projects.statusLabel")}
          placeholder={t("fundingProjects.projects.statusLabel")}
          style={{ width: 160 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={PROJECT_STATUSES.map((s) => ({
            value: s,
            label: t(`fundingProjects.projectStatus.${s}`),
          }))}
        />
      </div>
      {projects.isError ? (
        <QueryError error={projects.error} onRetry={() => void projects.refetch()} />
      ) : (
        <div aria-busy={projects.isFetching}>
          <Table<ProjectEntry>
            rowKey="id"
            loading={projects.isLoading}
            dataSource={projects.data?.items}
            scroll={{ x: true }}
            pagination={{
              current: page,
              pageSize: 20,
              total: projects.data?.total,
              onChange: setPage,
              showSizeChanger: false,
            }}
            columns={[
              {
                title: t("fundingProjects.projects.titleLabel"),
                dataIndex: "title",
                render: (title: string, p) => <Link to={`/funding/projects/${p.id}`}>{title}</Link>,
              },
              { title: t("fundingProjects.projects.organization"), dataIndex: "organizationName" },
              {
                title: t("fundingProjects.projects.trackLabel"),
                dataIndex: "track",
                render: (tr: ProjectEntry["track"], p) =>
                  p.programmeName
                    ? `${t(`fundingProjects.track.${tr}`)} · ${p.programmeName}`
                    : t(`fundingProjects.track.${tr}`),
              },
              {
                title: t("fundingProjects.projects.committed"),
                dataIndex: "committedFen",
                align: "right",
                render: (fen: number) => formatFen(fen),
              },
              {
                title: t("fundingProjects.projects.statusLabel"),
                dataIndex: "status",
                render: (s: ProjectStatus) => <ProjectStatusTag status={s} />,
              },
            ]}
          />
        </div>
      )}
    </>
  );
}
