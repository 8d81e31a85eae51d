import { Button, Form, Input, Space } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { isValidMobile, normalizeMobile } from "../../../../domain/phone";
import { PHONE_CODE_RULES } from "../../../../schemas/platform/phone-codes";
import { isApiError } from "../../../api/client";
import { requestPhoneCode } from "../../../api/recruitment/registration";
import { mobileRule, requiredRule } from "../../platform/organizations/edit/rules";
import type { RegistrationFormValues } from "./formValues";

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

/** 手机号 + 获取验证码 (with a 60 s countdown) + 短信验证码. */
export function PhoneCodeFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<RegistrationFormValues>();
  const [resendAt, setResendAt] = useState<number | null>(null);
  const [sending, setSending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const left = useCountdown(resendAt);

  const send = async () => {
    try {
      await form.validateFields(["mobile"]);
    } catch {
      return;
    }
    const mobile = normalizeMobile(String(form.getFieldValue("mobile") ?? ""));
    if (!isValidMobile(mobile)) return;
    setSending(true);
    try {
      const answer = await requestPhoneCode(mobile);
      setResendAt(Date.now() + answer.resendAfterSeconds * 1000);
      setSentTo(mobile);
      form.setFields([{ name: "mobile", errors: [] }]);
      form.focusField("code");
    } catch (error) {
      const wait = isApiError(error) ? Number(error.details?.retryAfterSeconds ?? 0) : 0;
      if (wait > 0 && wait <= PHONE_CODE_RULES.resendSeconds) setResendAt(Date.now() + wait * 1000);
      const text =
        isApiError(error) && error.code === "duplicate"
          ? t("registration.mobileTaken")
          : error instanceof Error
            ? error.message
            : String(error);
      form.setFields([{ name: "mobile", errors: [text] }]);
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <Form.Item label={t("registration.mobile")} required>
        <Space.Compact style={{ width: "100%" }}>
          <Form.Item name="mobile" noStyle rules={[requiredRule(), mobileRule]} validateTrigger="onBlur">
            <Input
              aria-label={t("registration.mobile")}
              inputMode="tel"
              autoComplete="tel"
              maxLength={20}
              placeholder={t("registration.mobilePlaceholder")}
            />
          </Form.Item>
          <Button onClick={() => void send()} loading={sending} disabled={left > 0} style={{ minWidth: 112 }}>
            {left > 0 ? t("registration.resendIn", { seconds: left }) : t("registration.getCode")}
          </Button>
        </Space.Compact>
      </Form.Item>
      <Form.Item
        name="code"
        label={t("registration.code")}
        extra={
          sentTo
            ? t("registration.codeSent", { mobile: sentTo, minutes: PHONE_CODE_RULES.validSeconds / 60 })
            : undefined
        }
        rules={[requiredRule(), { pattern: /^\d{6}$/, message: t("registration.codeInvalid") }]}
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
