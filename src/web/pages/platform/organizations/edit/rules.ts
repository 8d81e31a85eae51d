import type { FormRule } from "antd";
import { creditCodeProblem, normalizeCreditCode } from "../../../../../domain/credit-code";
import {
  creditCodeRequired,
  EARLIEST_FOUNDING_DATE,
  type RegistrationStatus,
} from "../../../../../domain/organization";
import { isValidMobile } from "../../../../../domain/phone";
import { shanghaiDate } from "../../../../../domain/shanghai-time";
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

/** Today in Asia/Shanghai, the latest founding date (the server checks the same). */
export function latestFoundingDate(): string {
  return shanghaiDate(new Date());
}

/** A founding date between 1950 and today (YYYY-MM-DD, as DateInput holds it); `required` by status. */
export function foundedOnRule(required: () => boolean = () => false): FormRule {
  return {
    validator: async (_rule, value: string | null | undefined) => {
      if (!value) {
        if (required()) throw new Error(fieldMessage("required"));
        return;
      }
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(fieldMessage("date_invalid"));
      if (value > latestFoundingDate()) throw new Error(fieldMessage("date_in_future"));
      if (value < EARLIEST_FOUNDING_DATE)
        throw new Error(fieldMessage("founded_too_early", { earliest: EARLIEST_FOUNDING_DATE }));
    },
  };
}

export const MAX_COUNT = 1_000_000;
