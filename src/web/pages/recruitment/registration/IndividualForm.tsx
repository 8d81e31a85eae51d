import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { normalizeMobile } from "../../../../domain/phone";
import type { RegistrationBase } from "../../../../schemas/recruitment/registration";
import { isApiError } from "../../../api/client";
import { sessionKey } from "../../../api/platform/auth";
import { registerIndividual } from "../../../api/services/people";
import { errorMessage } from "../../../components/serverErrors";
import { lengthRule } from "../../platform/organizations/edit/rules";
import { AccountFields } from "./AccountFields";

interface Values {
  baseId?: string;
  mobile: string;
  code: string;
  displayName: string;
  password: string;
  passwordConfirm: string;
  email?: string;
  workUnit?: string;
  jobTitle?: string;
}

const FIELDS = ["baseId", "mobile", "code", "displayName", "password", "email", "workUnit", "jobTitle"];

/** 个人注册: the account (phone with its code, name, password) and, optionally, where one works. */
export function IndividualForm({ bases, baseId }: { bases?: RegistrationBase[]; baseId?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const onFinish = async (values: Values) => {
    setFormError(null);
    setSaving(true);
    try {
      const session = await registerIndividual({
        mobile: normalizeMobile(values.mobile ?? ""),
        code: values.code?.trim() ?? "",
        password: values.password,
        displayName: values.displayName?.trim() ?? "",
        email: values.email?.trim() || null,
        workUnit: values.workUnit?.trim() || null,
        jobTitle: values.jobTitle?.trim() || null,
        ...((values.baseId ?? baseId) ? { baseId: values.baseId ?? baseId } : {}),
      });
      queryClient.setQueryData(sessionKey, session);
      navigate("/", { replace: true });
    } catch (error) {
      const field = isApiError(error) ? error.field : undefined;
      if (field && FIELDS.includes(field)) {
        const text =
          isApiError(error) && error.code === "duplicate" && field === "mobile"
            ? t("registration.mobileTaken")
            : errorMessage(error);
        form.setFields([{ name: field as keyof Values, errors: [text] }]);
        form.scrollToField(field, { block: "center", focus: true });
      } else {
        setFormError(errorMessage(error));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card>
      <Form<Values>
        form={form}
        name="registerIndividual"
        layout="vertical"
        requiredMark="optional"
        scrollToFirstError={{ block: "center", focus: true }}
        onFinish={(values) => void onFinish(values)}
      >
        <h2 className="hatchery-card-title" style={{ marginTop: 0, marginBottom: 16 }}>
          {t("registration.accountSection")}
        </h2>
        <AccountFields bases={bases} individual />
        <h2 className="hatchery-card-title" style={{ marginTop: 8, marginBottom: 16 }}>
          {t("people.individualSection")}
        </h2>
        <Form.Item name="workUnit" label={t("people.workUnit")} rules={[lengthRule(undefined, 100)]}>
          <Input maxLength={100} autoComplete="organization" />
        </Form.Item>
        <Form.Item name="jobTitle" label={t("people.jobTitle")} rules={[lengthRule(undefined, 50)]}>
          <Input maxLength={50} autoComplete="organization-title" />
        </Form.Item>
        {formError && (
          <Alert type="error" role="alert" showIcon title={formError} style={{ marginBottom: 16 }} />
        )}
        <Button type="primary" htmlType="submit" size="large" block loading={saving}>
          {t("people.registerSubmit")}
        </Button>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: "center" }}>
          {t("registration.haveAccount")}{" "}
          <Link to="/login" style={{ display: "inline-block", paddingBlock: 10 }}>
            {t("registration.signIn")}
          </Link>
        </Typography.Paragraph>
      </Form>
    </Card>
  );
}
