/**
 * Autosave of the application form: a save ~1.5 s after the last change (and on blur), only the
 * keys edited since the last save, at the version this page last saw. A 409 never drops what the
 * user typed: the page shows a conflict and the user decides.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Answers, AnswerValue } from "../../../../../domain/answers";
import type { ApplicationDetail } from "../../../../../schemas/recruitment/applications";
import { isApiError } from "../../../../api/client";
import { applicationKeys, getApplication, saveDraft } from "../../../../api/recruitment/applications";

export type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "error"; message: string }
  | { kind: "conflict"; message: string }
  | { kind: "locked"; message: string };

const DEBOUNCE_MS = 1500;

/** The form's values: every answer except files (those are documents, saved by uploading). */
function formValues(detail: ApplicationDetail): Answers {
  const values: Answers = {};
  for (const q of detail.requirements.questions) {
    if (q.type !== "file" && q.key in detail.answers) values[q.key] = detail.answers[q.key] ?? null;
  }
  return values;
}

const isEmpty = (v: AnswerValue | undefined) =>
  v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

export function useAutosave(detail: ApplicationDetail) {
  const client = useQueryClient();
  const id = detail.id;
  const [values, setValues] = useState<Answers>(() => formValues(detail));
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [unsaved, setUnsaved] = useState(false);
  const valuesRef = useRef(values);
  const version = useRef(detail.version);
  const dirty = useRef(new Set<string>());
  const timer = useRef<number | undefined>(undefined);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const blocked = useRef(false); // a conflict or a status change: no more automatic saves

  // A newer version from elsewhere is taken only when nothing here is unsaved.
  useEffect(() => {
    if (detail.version > version.current && dirty.current.size === 0 && !inFlight.current) {
      version.current = detail.version;
      const next = formValues(detail);
      valuesRef.current = next;
      setValues(next);
    }
  }, [detail]);

  const save = useCallback(async (): Promise<boolean> => {
    window.clearTimeout(timer.current);
    if (inFlight.current) await inFlight.current;
    if (blocked.current) return false;
    if (dirty.current.size === 0) return true;
    const keys = [...dirty.current];
    dirty.current.clear();
    const answers: Answers = {};
    for (const key of keys) {
      const value = valuesRef.current[key];
      answers[key] = isEmpty(value) ? null : (value as AnswerValue);
    }
    setState({ kind: "saving" });
    const run = (async () => {
      try {
        const saved = await saveDraft(id, { version: version.current, answers });
        version.current = saved.version;
        client.setQueryData(applicationKeys.detail(id), saved);
        setState(dirty.current.size > 0 ? { kind: "idle" } : { kind: "saved", at: new Date() });
        setUnsaved(dirty.current.size > 0);
        return true;
      } catch (error) {
        for (const key of keys) dirty.current.add(key);
        if (isApiError(error) && error.code === "version_conflict") {
          blocked.current = true;
          setState({ kind: "conflict", message: error.message });
        } else if (isApiError(error) && error.code === "illegal_transition") {
          blocked.current = true;
          setState({ kind: "locked", message: error.message });
          void client.invalidateQueries({ queryKey: applicationKeys.detail(id) });
        } else if (isApiError(error) && error.status === 400 && error.field?.startsWith("answers.")) {
          // The bad answer waits for the user; the others are saved without it.
          const key = error.field.slice("answers.".length);
          dirty.current.delete(key);
          setFieldErrors((e) => ({ ...e, [key]: error.message }));
          setState({ kind: "error", message: error.message });
          if (dirty.current.size > 0) timer.current = window.setTimeout(() => void save(), 200);
        } else {
          setState({ kind: "error", message: error instanceof Error ? error.message : String(error) });
        }
        return false;
      }
    })();
    inFlight.current = run;
    const ok = await run;
    inFlight.current = null;
    if (ok && dirty.current.size > 0) timer.current = window.setTimeout(() => void save(), DEBOUNCE_MS);
    return ok;
  }, [client, id]);

  const change = useCallback(
    (key: string, value: AnswerValue) => {
      valuesRef.current = { ...valuesRef.current, [key]: value };
      setValues(valuesRef.current);
      dirty.current.add(key);
      setUnsaved(true);
      setFieldErrors((e) => {
        if (!(key in e)) return e;
        const { [key]: _gone, ...rest } = e;
        return rest;
      });
      if (blocked.current) return;
      setState((s) => (s.kind === "saving" ? s : { kind: "idle" }));
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void save(), DEBOUNCE_MS);
    },
    [save],
  );

  /** After a conflict: save what is here over the latest version. */
  const keepMine = useCallback(async () => {
    const latest = await getApplication(id);
    version.current = latest.version;
    blocked.current = false;
    for (const key of Object.keys(valuesRef.current)) {
      if (!isEmpty(valuesRef.current[key]) || key in latest.answers) dirty.current.add(key);
    }
    return save();
  }, [id, save]);

  /** After a conflict: drop what is here and show the latest. */
  const loadLatest = useCallback(async () => {
    const latest = await getApplication(id);
    client.setQueryData(applicationKeys.detail(id), latest);
    version.current = latest.version;
    dirty.current.clear();
    blocked.current = false;
    valuesRef.current = formValues(latest);
    setValues(valuesRef.current);
    setFieldErrors({});
    setUnsaved(false);
    setState({ kind: "idle" });
  }, [client, id]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  return {
    values,
    state,
    fieldErrors,
    change,
    /** Saves now (blur, before submit); true when nothing is left unsaved. */
    flush: save,
    keepMine,
    loadLatest,
    version: () => version.current,
    unsaved,
  };
}

export type Autosave = ReturnType<typeof useAutosave>;
