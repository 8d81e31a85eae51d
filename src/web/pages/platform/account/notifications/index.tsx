import { BellOutlined, MailOutlined, MessageOutlined } from "@ant-design/icons";
import { App, Button, Card, Form, Radio, Skeleton, Switch, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { NotificationSettings } from "../../../../../schemas/platform/notification-settings";
import {
  fetchNotificationSettings,
  useNotificationSettings,
  useUpdateNotificationSettings,
} from "../../../../api/platform/users";
import { PageHeader } from "../../../../components/PageHeader";
import { QueryError } from "../../../../components/QueryError";
import { showFieldError } from "../../../../components/serverErrors";
import { useVersionedForm } from "../../../../components/useVersionedForm";
import styles from "./notifications.module.css";

type Values = Pick<NotificationSettings, "email" | "sms" | "language">;
/** The editor needs an id; one's own settings have one record. */
type Record = NotificationSettings & { id: string };

const toValues = (s: NotificationSettings): Values => ({ email: s.email, sms: s.sms, language: s.language });

/** 通知设置: which channels carry one's notices besides the bell, and in which language. */
export default function NotificationSettingsPage() {
  const { t } = useTranslation();
  const settings = useNotificationSettings();
  return (
    <>
      <PageHeader title={t("account.notifications.title")} />
      {settings.isError ? (
        <QueryError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : !settings.data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        // Remounted after each save, so the next one starts from the version just written.
        <SettingsForm key={settings.data.version} original={{ ...settings.data, id: "me" }} />
      )}
    </>
  );
}

function SettingsForm({ original }: { original: Record }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateNotificationSettings();
  const editor = useVersionedForm<Values, Record>({
    form,
    original,
    fetchLatest: async () => ({ ...(await fetchNotificationSettings()), id: "me" }),
    toFormValues: toValues,
    showFieldError: (error) => showFieldError(form, error, ["email", "sms", "language"]),
    keptMineMessage: t("account.notifications.keptMine"),
  });
  const limits = original.smsLimits;

  const onFinish = async (values: Values) => {
    editor.clearFormError();
    try {
      await update.mutateAsync({ ...values, version: editor.version });
      editor.saved();
      message.success(t("account.notifications.saved"));
    } catch (error) {
      editor.saveFailed(error);
    }
  };

  return (
    <Card className={styles.card}>
      <div className={styles.banners}>{editor.banners}</div>
      <Typography.Paragraph type="secondary">{t("account.notifications.intro")}</Typography.Paragraph>
      <Form<Values>
        form={form}
        name="notificationSettings"
        layout="vertical"
        initialValues={toValues(original)}
        onValuesChange={editor.markDirty}
        onFinish={(values) => void onFinish(values)}
      >
        <Channel
          icon={<BellOutlined />}
          label={t("account.notifications.bell")}
          help={t("account.notifications.bellHelp")}
        >
          <Switch checked disabled aria-label={t("account.notifications.bell")} />
        </Channel>
        <Channel
          icon={<MailOutlined />}
          label={t("account.notifications.email")}
          help={
            original.emailAddress
              ? t("account.notifications.emailHelp", { address: original.emailAddress })
              : t("account.notifications.emailNone")
          }
        >
          <Form.Item name="email" valuePropName="checked" noStyle>
            <Switch disabled={!original.emailAddress} aria-label={t("account.notifications.email")} />
          </Form.Item>
        </Channel>
        <Channel
          icon={<MessageOutlined />}
          label={t("account.notifications.sms")}
          help={
            original.mobile ? (
              <>
                {t("account.notifications.smsHelp", { mobile: original.mobile })}
                <br />
                {limits.quietFrom &&
                  t("account.notifications.smsQuiet", { from: limits.quietFrom, until: limits.quietUntil })}
                {t("account.notifications.smsCap", { cap: limits.dailyCap })}
              </>
            ) : (
              t("account.notifications.smsNone")
            )
          }
        >
          <Form.Item name="sms" valuePropName="checked" noStyle>
            <Switch disabled={!original.mobile} aria-label={t("account.notifications.sms")} />
          </Form.Item>
        </Channel>
        <Form.Item name="language" label={t("account.notifications.language")} className={styles.language}>
          <Radio.Group
            aria-label={t("account.notifications.language")}
            optionType="button"
            options={[
              { value: "zh-CN", label: "中文" },
              { value: "en", label: "English" },
            ]}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          {t("common.save")}
        </Button>
      </Form>
    </Card>
  );
}

/** One channel: icon, name and what it means on the left, its switch on the right. */
function Channel(props: { icon: ReactNode; label: string; help: ReactNode; children: ReactNode }) {
  return (
    <div className={styles.channel}>
      <span className={styles.icon} aria-hidden>
        {props.icon}
      </span>
      <div className={styles.text}>
        <div className={styles.label}>{props.label}</div>
        <div className={styles.help}>{props.help}</div>
      </div>
      <div className={styles.control}>{props.children}</div>
    </div>
  );
}
