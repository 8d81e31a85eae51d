import type { FormRule } from "antd";
import type { Dayjs } from "dayjs";
import { creditCodeProblem, normalizeCreditCode } from "../../../../../domain/credit-code";
import { creditCodeRequired, type RegistrationStatus } from "../../../../../domain/organization";
import { isValidMobile } from "../../../../../domain/phone";
import { fieldMessage } from "../../../../i18n";

/**
 * Client-side checks that mirror the server's (src/schemas/organizations.ts) with the same
 * messages, so the user learns of a mistake while typing; the server checks again on save.
 */
export function creditCodeRule(status: () => RegistrationStatus | undefined): FormRule {
  return {
    validator: async (_rule, value: string | undefined) => {
      const code = value?.trim() ?? "";
      if (code === "") {
        const current = status();
        if (current && creditCodeRequired(current)) throw new Error(fieldMessage("credit_code_required"));
        return;
      }
      const problem = creditCodeProblem(normalizeCreditCode(code));
      if (problem) throw new Error(fieldMessage(problem));
    },
  };
}

export const mobileRule: FormRule = {
  validator: async (_rule, value: string | undefined) => {
    if (value && value.trim() !== "" && !isValidMobile(value))
      throw new Error(fieldMessage("mobile_invalid"));
  },
};

export function requiredRule(): FormRule {
  return { required: true, message: fieldMessage("required") };
}

export function lengthRule(min: number | undefined, max: number): FormRule {
  return {
    validator: async (_rule, value: string | undefined) => {
      const text = value?.trim() ?? "";
      if (text === "") return;
      if (min !== undefined && text.length < min)
        throw new Error(fieldMessage("too_short", { minimum: min }));
      if (text.length > max) throw new Error(fieldMessage("too_long", { maximum: max }));
    },
  };
}

export const notFutureRule: FormRule = {
  validator: async (_rule, value: Dayjs | null | undefined) => {
    if (value?.isAfter(new Date(), "day")) throw new Error(fieldMessage("date_in_future"));
  },
};

export const MAX_COUNT = 1_000_000;
