/**
 * What every editor of a versioned record shares: the unsaved-changes guard, the version it
 * started from, and the 409. A stale save shows the conflict banner and keeps what the user typed
 * until they choose: keep theirs on top of the latest record (the editor says how, in
 * `onLatest`), or load the latest. A field error from the server goes to its field (the editor
 * says which it knows, in `showFieldError`); any other to a banner over the form.
 */
import { Alert, App, type FormInstance } from "antd";
import { useState } from "react";
import { isApiError } from "../api/client";
import { ConflictAlert } from "./ConflictAlert";
import { errorMessage } from "./serverErrors";
import { useUnsavedChangesPrompt } from "./useUnsavedChangesPrompt";

export function useVersionedForm<Values, Record extends { id: string; version: number }>(options: {
  form: FormInstance<Values>;
  original?: Record;
  fetchLatest: (id: string) => Promise<Record>;
  toFormValues: (record: Record) => Values;
  /** The latest record arrived; with `keepMine` the form still holds the user's values. */
  onLatest?: (latest: Record, keepMine: boolean) => void;
  /** Shows a server field error on its field; false when the form has no such field. */
  showFieldError: (error: unknown) => boolean;
  keptMineMessage: string;
}) {
  const { message } = App.useApp();
  const { form, original } = options;
  const [dirty, setDirty] = useState(false);
  const [version, setVersion] = useState(original?.version ?? 0);
  const [conflict, setConflict] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const guard = useUnsavedChangesPrompt(dirty);

  /** After a save: nothing unsaved any more, so leaving is free. */
  const saved = () => {
    guard.release();
    setDirty(false);
  };

  const saveFailed = (error: unknown) => {
    if (isApiError(error) && error.code === "version_conflict") {
      setConflict(error.message);
      window.scrollTo({ top: 0, behavior: "smooth" });
    } else if (!options.showFieldError(error)) {
      setFormError(errorMessage(error));
    }
  };

  const resolveConflict = async (keepMine: boolean) => {
    if (!original) return;
    setReloading(true);
    try {
      const latest = await options.fetchLatest(original.id);
      setVersion(latest.version);
      setConflict(null);
      options.onLatest?.(latest, keepMine);
      if (keepMine) {
        message.info(options.keptMineMessage);
      } else {
        form.resetFields();
        form.setFieldsValue(options.toFormValues(latest) as Parameters<typeof form.setFieldsValue>[0]);
        setDirty(false);
      }
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setReloading(false);
    }
  };

  /** The conflict banner and the form-level error, for the top of the form. */
  const banners = (
    <>
      {conflict && (
        <ConflictAlert
          message={conflict}
          busy={reloading}
          onKeepMine={() => void resolveConflict(true)}
          onLoadLatest={() => void resolveConflict(false)}
        />
      )}
      {formError && (
        <Alert type="error" showIcon title={formError} closable={{ onClose: () => setFormError(null) }} />
      )}
    </>
  );

  return {
    version,
    conflict,
    banners,
    markDirty: () => setDirty(true),
    clearFormError: () => setFormError(null),
    saved,
    saveFailed,
  };
}
