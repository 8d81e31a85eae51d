import type { FormInstance } from "antd";
import { isApiError } from "../api/client";

/**
 * Puts a 400's message on the form field it names (e.g. creditCode, or communityIds.2 → communityIds).
 * Returns true when the error was shown on a field, false when the caller must show it elsewhere.
 */
export function showFieldError(form: FormInstance, error: unknown, knownFields: readonly string[]): boolean {
  if (!isApiError(error) || !error.field) return false;
  const name = error.field.split(".")[0] ?? error.field;
  if (!knownFields.includes(name)) return false;
  form.setFields([{ name, errors: [error.message] }]);
  form.scrollToField(name, { block: "center", focus: true });
  return true;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
