import { App, Button, Card, Form, Input, Popconfirm, Select, Skeleton, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { OrganizationField } from "../../../../../domain/organization";
import type { ExpertProfile } from "../../../../../schemas/admission/experts";
import {
  fetchOwnProfile,
  searchOrganizations,
  useDeclareConflict,
  useOwnConflicts,
  useOwnProfile,
  useSaveProfile,
  useWithdrawConflict,
} from "../../../../api/admission/experts";
import { useFieldOptions } from "../../../../components/options";
import { PageHeader } from "../../../../components/PageHeader";
import { QueryError } from "../../../../components/QueryError";
import { errorMessage, showFieldError } from "../../../../components/serverErrors";
import { useVersionedForm } from "../../../../components/useVersionedForm";
import { ConflictForm } from "../components/ConflictForm";
import { ConflictList } from "../components/ConflictList";

interface ProfileValues {
  fields: OrganizationField[];
  affiliation: string;
  title: string;
  bio: string;
}
type VersionedProfile = ExpertProfile & { id: string };
const FIELDS = ["fields", "affiliation", "title", "bio"] as const;
const withId = (p: ExpertProfile): VersionedProfile => ({ ...p, id: p.userId });
const toFormValues = (p: ExpertProfile): ProfileValues => ({
  fields: p.fields,
  affiliation: p.affiliation ?? "",
  title: p.title ?? "",
  bio: p.bio ?? "",
});

/** 专家资料: the expert's own fields, affiliation and bio, and the conflicts they declare. */
export default function ExpertProfilePage() {
  const { t } = useTranslation();
  const profile = useOwnProfile();
  return (
    <>
      <PageHeader title={t("experts.myProfile")} />
      <Typography.Paragraph type="secondary">{t("experts.myProfileIntro")}</Typography.Paragraph>
      <div style={{ display: "grid", gap: 16 }}>
        {profile.isError ? (
          <QueryError error={profile.error} onRetry={() => void profile.refetch()} />
        ) : profile.data ? (
          <ProfileForm original={withId(profile.data)} />
        ) : (
          <Skeleton active paragraph={{ rows: 6 }} />
        )}
        <OwnConflicts />
      </div>
    </>
  );
}

function ProfileForm({ original }: { original: VersionedProfile }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProfileValues>();
  const save = useSaveProfile();
  const fieldOptions = useFieldOptions();
  const editor = useVersionedForm({
    form,
    original,
    fetchLatest: async () => withId(await fetchOwnProfile()),
    toFormValues,
    showFieldError: (error) => showFieldError(form, error, FIELDS),
    keptMineMessage: t("experts.keptMine"),
  });
  const onFinish = async (values: ProfileValues) => {
    editor.clearFormError();
    try {
      await save.mutateAsync({ ...values, version: editor.version });
      editor.saved();
      message.success(t("experts.saved"));
    } catch (error) {
      editor.saveFailed(error);
    }
  };
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("experts.profile")}</h2>}>
      <Form<ProfileValues>
        form={form}
        name="expertProfile"
        layout="vertical"
        initialValues={toFormValues(original)}
        onValuesChange={editor.markDirty}
        onFinish={(v) => void onFinish(v)}
      >
        {editor.banners}
        <Form.Item name="fields" label={t("experts.fields")}>
          <Select mode="multiple" allowClear options={fieldOptions} />
        </Form.Item>
        <Form.Item name="affiliation" label={t("experts.affiliation")}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="title" label={t("experts.title")}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="bio" label={t("experts.bio")}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} disabled={!!editor.conflict}>
          {t("common.save")}
        </Button>
      </Form>
    </Card>
  );
}

function OwnConflicts() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const conflicts = useOwnConflicts();
  const declare = useDeclareConflict();
  const withdraw = useWithdrawConflict();
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("experts.myConflicts")}</h2>}>
      {conflicts.isError ? (
        <QueryError error={conflicts.error} onRetry={() => void conflicts.refetch()} />
      ) : (
        <ConflictList
          conflicts={conflicts.data?.items ?? []}
          action={(c) =>
            c.kind === "declared" && c.id ? (
              <Popconfirm
                title={t("experts.withdrawConfirm")}
                onConfirm={() =>
                  withdraw.mutate(c.id as string, {
                    onSuccess: () => message.success(t("experts.withdrawn")),
                    onError: (error) => message.error(errorMessage(error)),
                  })
                }
              >
                <Button size="small">{t("experts.withdraw")}</Button>
              </Popconfirm>
            ) : null
          }
        />
      )}
      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
        {t("experts.declare")}
      </Typography.Title>
      <ConflictForm
        name="declareConflict"
        busy={declare.isPending}
        submitLabel={t("experts.declare")}
        reasonPlaceholder={t("experts.declareReasonPlaceholder")}
        picker={<OwnOrganizationSelect />}
        onSubmit={(values, reset) =>
          declare.mutate(values, {
            onSuccess: () => {
              message.success(t("experts.declared"));
              reset();
            },
            onError: (error) => message.error(errorMessage(error)),
          })
        }
      />
    </Card>
  );
}

/** The base's organizations by name (the expert has no registry; this search gives names only). */
function OwnOrganizationSelect(props: { value?: string; onChange?: (v: string) => void; id?: string }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState("");
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    const q = typed.trim();
    if (!q) return;
    let live = true;
    const timer = setTimeout(() => {
      void searchOrganizations(q).then((r) => {
        if (live) setOptions(r.items.map((o) => ({ value: o.id, label: o.name })));
      });
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [typed]);
  return (
    <Select<string>
      {...props}
      allowClear
      placeholder={t("experts.searchOrganization")}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      options={options}
      style={{ width: "100%" }}
    />
  );
}
