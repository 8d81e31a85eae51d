/**
 * A mentor's profile form, for staff (any mentor) and for the mentor (their own), at the version
 * read: a stale save shows the conflict banner (useVersionedForm) and keeps what was typed.
 */
import { Button, Form, Input, InputNumber, Select, Switch } from "antd";
import { useTranslation } from "react-i18next";
import { ORGANIZATION_FIELDS } from "../../../../../domain/organization";
import { MENTOR_SKILLS } from "../../../../../domain/services/mentoring";
import type { MentorEntry, MentorProfileInput } from "../../../../../schemas/services/mentoring";
import { fetchMentor, fetchOwnProfile, useSaveProfile } from "../../../../api/services/mentoring";
import { useVersionedForm } from "../../../../components/useVersionedForm";

type Values = Omit<MentorProfileInput, "version">;

const toValues = (m: MentorEntry): Values => ({
  fields: m.fields as Values["fields"],
  skills: m.skills,
  title: m.title,
  bio: m.bio,
  availability: m.availability,
  capacity: m.capacity,
  active: m.version === 0 ? true : m.active,
});

export function ProfileForm({
  mentor,
  self,
  onSaved,
}: {
  mentor: MentorEntry;
  self: boolean;
  onSaved?: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveProfile(self ? "self" : mentor.id);
  const versioned = useVersionedForm<Values, MentorEntry>({
    form,
    original: mentor,
    fetchLatest: (id) => (self ? fetchOwnProfile() : fetchMentor(id)),
    toFormValues: toValues,
    showFieldError: () => false,
    keptMineMessage: t("mentoring.keptMine"),
  });
  const submit = async (values: Values) => {
    try {
      await save.mutateAsync({ ...values, version: versioned.version });
      versioned.saved();
      onSaved?.();
    } catch (e) {
      versioned.saveFailed(e);
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={toValues(mentor)}
      onValuesChange={versioned.markDirty}
      onFinish={(v) => void submit(v)}
    >
      {versioned.banners}
      <Form.Item name="title" label={t("mentoring.title")}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="fields" label={t("mentoring.fields")}>
        <Select
          mode="multiple"
          options={ORGANIZATION_FIELDS.map((f) => ({
            value: f,
            label: t(`field.${f}`, { defaultValue: f }),
          }))}
        />
      </Form.Item>
      <Form.Item name="skills" label={t("mentoring.skills")}>
        <Select
          mode="multiple"
          options={MENTOR_SKILLS.map((s) => ({
            value: s,
            label: t(`mentoring.skill.${s}`, { defaultValue: s }),
          }))}
        />
      </Form.Item>
      <Form.Item name="bio" label={t("mentoring.bio")}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="availability" label={t("mentoring.availability")}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="capacity" label={t("mentoring.capacity")} rules={[{ required: true }]}>
        <InputNumber min={1} max={20} />
      </Form.Item>
      <Form.Item name="active" label={t("mentoring.active")} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t("mentoring.save")}
      </Button>
    </Form>
  );
}
