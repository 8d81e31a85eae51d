/**
 * A phone-code pair of fields: who to text (a mobile, or an account name) with 获取验证码 and its
 * countdown, then 短信验证码. Used by registration (a mobile) and by 忘记密码 (account or mobile).
 */
import { Button, Form, type FormRule, Input, Space } from "antd";
import { type ComponentProps, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { PHONE_CODE_RULES, type PhoneCodeResponse } from "../../schemas/platform/phone-codes";
import { isApiError } from "../api/client";
import { fieldMessage } from "../i18n";
import { errorMessage } from "./serverErrors";

/** Seconds left until `until` (ms), ticking every second while positive. */
function useCountdown(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!until || until <= Date.now()) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until ? Math.max(0, Math.ceil((until - now) / 1000)) : 0;
}

export function PhoneCodeFields({
  name,
  label,
  rules,
  input,
  toRequest,
  send,
  sentHint,
  errorText = errorMessage,
}: {
  /** The form field of the number or account. */
  name: string;
  label: string;
  rules: FormRule[];
  input: ComponentProps<typeof Input>;
  /** What to send for the field's value, or null when it cannot be sent as it is. */
  toRequest: (value: string) => string | null;
  send: (value: string) => Promise<PhoneCodeResponse>;
  /** Shown under the code once a code was asked for. */
  sentHint: (value: string, minutes: number) => string;
  errorText?: (error: unknown) => string;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const [resendAt, setResendAt] = useState<number | null>(null);
  const [sending, setSending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const left = useCountdown(resendAt);

  const ask = async () => {
    try {
      await form.validateFields([name]);
    } catch {
      return;
    }
    const value = toRequest(String(form.getFieldValue(name) ?? ""));
    if (!value) return;
    setSending(true);
    try {
      const answer = await send(value);
      setResendAt(Date.now() + answer.resendAfterSeconds * 1000);
      setSentTo(value);
      form.setFields([{ name, errors: [] }]);
      form.focusField("code");
    } catch (error) {
      const wait = isApiError(error) ? Number(error.details?.retryAfterSeconds ?? 0) : 0;
      if (wait > 0 && wait <= PHONE_CODE_RULES.resendSeconds) setResendAt(Date.now() + wait * 1000);
      form.setFields([{ name, errors: [errorText(error)] }]);
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <Form.Item label={label} required>
        <Space.Compact style={{ width: "100%" }}>
          <Form.Item name={name} noStyle rules={rules} validateTrigger="onBlur">
            <Input aria-label={label} {...input} />
          </Form.Item>
          <Button onClick={() => void ask()} loading={sending} disabled={left > 0} style={{ minWidth: 112 }}>
            {left > 0 ? t("registration.resendIn", { seconds: left }) : t("registration.getCode")}
          </Button>
        </Space.Compact>
      </Form.Item>
      <Form.Item
        name="code"
        label={t("registration.code")}
        extra={sentTo ? sentHint(sentTo, PHONE_CODE_RULES.validSeconds / 60) : undefined}
        rules={[
          { required: true, message: fieldMessage("required") },
          { pattern: /^\d{6}$/, message: t("registration.codeInvalid") },
        ]}
      >
        <Input
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          placeholder={t("registration.codePlaceholder")}
          style={{ letterSpacing: 4 }}
        />
      </Form.Item>
    </>
  );
}
