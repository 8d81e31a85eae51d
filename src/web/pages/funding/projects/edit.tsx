/**
 * 新建项目 / 编辑项目 (staff): the project editor. A new project starts from an incubation
 * (`?incubationId=`, the 新建项目 action of the incubation's page); an edit saves with the version
 * (a stale save shows the conflict banner and keeps what was typed).
 */
import { App, Button, Card, Flex, Form, Result, Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams, useSearchParams } from "react-router";
import type { ProjectView } from "../../../../schemas/funding/projects";
import { fetchProject, useCreateProject, useProject, useUpdateProject } from "../../../api/funding/projects";
import { useIncubation } from "../../../api/incubation/incubations";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { errorMessage, showFieldError } from "../../../components/serverErrors";
import { useVersionedForm } from "../../../components/useVersionedForm";
import {
  cleanProject,
  emptyProject,
  PROJECT_FIELDS,
  ProjectFields,
  type ProjectValues,
  projectValues,
} from "./ProjectFields";

export function NewProjectPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const incubationId = params.get("incubationId") ?? "";
  const incubation = useIncubation(incubationId);
  const create = useCreateProject();
  const [form] = Form.useForm<ProjectValues>();
  if (!incubationId) return <Result status="info" title={t("fundingProjects.projects.noIncubation")} />;
  if (incubation.isError)
    return <QueryError error={incubation.error} onRetry={() => void incubation.refetch()} />;
  if (!incubation.data) return <Skeleton active />;
  const onFinish = async (values: ProjectValues) => {
    try {
      const created = await create.mutateAsync({ ...cleanProject(values), incubationId });
      message.success(t("fundingProjects.saved"));
      navigate(`/funding/projects/${created.id}`);
    } catch (error) {
      if (!showFieldError(form, error, PROJECT_FIELDS)) message.error(errorMessage(error));
    }
  };
  return (
    <>
      <PageHeader
        title={t("fundingProjects.projects.newTitle")}
        backTo={`/incubations/${incubationId}`}
        subTitle={`${incubation.data.organization.name} · ${t(`fundingProjects.track.${incubation.data.track}`)}`}
      />
      <Form<ProjectValues>
        form={form}
        layout="vertical"
        name="projectNew"
        initialValues={emptyProject}
        onFinish={(v) => void onFinish(v)}
      >
        <ProjectFields track={incubation.data.track} />
        <Flex gap={8} style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t("common.save")}
          </Button>
          <Button onClick={() => navigate(-1)}>{t("common.cancel")}</Button>
        </Flex>
      </Form>
    </>
  );
}

export function EditProjectPage() {
  const { id = "" } = useParams();
  const project = useProject(id);
  if (project.isError) return <QueryError error={project.error} onRetry={() => void project.refetch()} />;
  if (!project.data)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  return <EditForm key={project.data.id} original={project.data} />;
}

function EditForm({ original }: { original: ProjectView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ProjectValues>();
  const update = useUpdateProject(original.id);
  const editor = useVersionedForm<ProjectValues, ProjectView>({
    form,
    original,
    fetchLatest: fetchProject,
    toFormValues: projectValues,
    showFieldError: (error) => showFieldError(form, error, PROJECT_FIELDS),
    keptMineMessage: t("fundingProjects.keptMine"),
  });
  const onFinish = async (values: ProjectValues) => {
    editor.clearFormError();
    try {
      await update.mutateAsync({ ...cleanProject(values), version: editor.version });
      editor.saved();
      message.success(t("fundingProjects.saved"));
      navigate(`/funding/projects/${original.id}`);
    } catch (error) {
      editor.saveFailed(error);
    }
  };
  return (
    <>
      <PageHeader
        title={t("fundingProjects.projects.editTitle")}
        backTo={`/funding/projects/${original.id}`}
        subTitle={original.organizationName}
      />
      {editor.banners}
      <Form<ProjectValues>
        form={form}
        layout="vertical"
        name="projectEdit"
        initialValues={projectValues(original)}
        onValuesChange={editor.markDirty}
        onFinish={(v) => void onFinish(v)}
      >
        <ProjectFields track={original.track} />
        <Flex gap={8} style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            {t("common.save")}
          </Button>
          <Button onClick={() => navigate(`/funding/projects/${original.id}`)}>{t("common.cancel")}</Button>
        </Flex>
      </Form>
    </>
  );
}
