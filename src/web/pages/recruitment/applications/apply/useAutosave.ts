/**
 * Autosave of the application form: a save ~1.5 s after the last change (and on blur), only the
 * keys edited since the last save, at the version this page last saw. A 409 never drops what the
 * user typed: the page shows a conflict, both versions of each changed answer, and the user decides.
 *
 * Every change also goes at once to the device's offline draft store (src/web/offline), before
 * the save: a save that cannot reach the server keeps its changes there and is tried again when
 * the browser is back online (and every few seconds, since `online` is not always reported); a
 * reload or a return to the page puts what was never sent back into the form and sends it, at the
 * version it was made against, so a change made elsewhere meanwhile still meets the conflict.
 */
import { useQueryClient } from "@tanstack/react-query";
import { App } from "antd";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Answers, AnswerValue } from "../../../../../domain/answers";
import type { ApplicationDetail } from "../../../../../schemas/recruitment/applications";
import { type ApiError, isApiError } from "../../../../api/client";
import { applicationKeys, getApplication, saveDraft } from "../../../../api/recruitment/applications";
import { useCurrentUser } from "../../../../auth/session";
import { draftStore } from "../../../../offline/draftStore";
import { type DraftChanges, type DraftScope, unsentAgainst } from "../../../../offline/drafts";

export type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "error"; message: string }
  /** The server could not be reached: the changes wait (on the device when it keeps drafts). */
  | { kind: "offline" }
  /** `latest`: the application as saved elsewhere, to show beside what is here (null if it could not be read). */
  | { kind: "conflict"; message: string; latest: ApplicationDetail | null }
  | { kind: "locked"; message: string };

const DEBOUNCE_MS = 1500;
/** While a save waits for the network: how often to try anyway, `online` aside. */
const RETRY_MS = 10_000;
const DRAFT_KIND = "application";

/** The form's values: every answer except files (those are documents, saved by uploading). */
export function formValues(detail: ApplicationDetail): Answers {
  const values: Answers = {};
  for (const q of detail.requirements.questions) {
    if (q.type !== "file" && q.key in detail.answers) values[q.key] = detail.answers[q.key] ?? null;
  }
  return values;
}

const isEmptyAnswer = (v: AnswerValue | undefined) =>
  v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

/**
 * No answer from the server: the connection, or a gateway in front of the server that could not
 * reach it (a flaky mobile network's proxies answer 502 to 504). The change is worth keeping.
 */
const unreachable = (error: unknown): error is ApiError =>
  isApiError(error) &&
  (error.status === 0 || error.status === 502 || error.status === 503 || error.status === 504);

export function useAutosave(detail: ApplicationDetail) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation();
  const user = useCurrentUser();
  const id = detail.id;
  const scope = useMemo<DraftScope>(
    () => ({ userId: user.id, kind: DRAFT_KIND, recordId: id }),
    [user.id, id],
  );
  const [values, setValues] = useState<Answers>(() => formValues(detail));
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(0);
  /** Whether unsent changes are kept on the device: null until the store has opened. */
  const [keeping, setKeeping] = useState<boolean | null>(null);
  const valuesRef = useRef(values);
  const detailRef = useRef(detail);
  const version = useRef(detail.version);
  const dirty = useRef(new Set<string>());
  const timer = useRef<number | undefined>(undefined);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const blocked = useRef(false); // a conflict or a status change: no more automatic saves
  // Saves wait for the device's draft to be read back, so they go at the version it was made against.
  const restoring = useRef<Promise<void> | null>(null);

  // A ref, so switching the language does not read the draft back a second time.
  const notice = useRef((count: number) => void message.info(t("applications.offline.restored", { count })));
  notice.current = (count) => void message.info(t("applications.offline.restored", { count }));

  const syncPending = useCallback(() => setPending(dirty.current.size), []);

  /** Writes to the device's draft; a store that fails (full, cleared) turns offline keeping off. */
  const keep = useCallback(
    (write: (store: NonNullable<Awaited<ReturnType<typeof draftStore>>>) => Promise<void>) => {
      void draftStore()
        .then((store) => store && write(store))
        .catch(() => setKeeping(false));
    },
    [],
  );

  // A newer version from elsewhere is taken only when nothing here is unsaved.
  useEffect(() => {
    detailRef.current = detail;
    if (detail.version > version.current && dirty.current.size === 0 && !inFlight.current) {
      version.current = detail.version;
      const next = formValues(detail);
      valuesRef.current = next;
      setValues(next);
    }
  }, [detail]);

  const save = useCallback(async (): Promise<boolean> => {
    window.clearTimeout(timer.current);
    if (restoring.current) await restoring.current;
    if (inFlight.current) await inFlight.current;
    if (blocked.current) return false;
    if (dirty.current.size === 0) return true;
    const keys = [...dirty.current];
    dirty.current.clear();
    const answers: Answers = {};
    const sent: DraftChanges = {};
    for (const key of keys) {
      const value = valuesRef.current[key];
      answers[key] = isEmptyAnswer(value) ? null : (value as AnswerValue);
      sent[key] = value ?? null;
    }
    // A retry while waiting for the network keeps saying what waits (no "saving" every few seconds).
    setState((s) => (s.kind === "offline" ? s : { kind: "saving" }));
    const run = (async () => {
      try {
        const saved = await saveDraft(id, { version: version.current, answers });
        version.current = saved.version;
        keep((store) => store.markSent(scope, sent, saved.version));
        client.setQueryData(applicationKeys.detail(id), saved);
        setState(dirty.current.size > 0 ? { kind: "idle" } : { kind: "saved", at: new Date() });
        syncPending();
        return true;
      } catch (error) {
        for (const key of keys) dirty.current.add(key);
        if (unreachable(error)) {
          setState({ kind: "offline" });
        } else if (isApiError(error) && error.code === "version_conflict") {
          blocked.current = true;
          const latest = await getApplication(id).catch(() => null);
          setState({ kind: "conflict", message: error.message, latest });
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
        syncPending();
        return false;
      }
    })();
    inFlight.current = run;
    const ok = await run;
    inFlight.current = null;
    if (ok && dirty.current.size > 0) timer.current = window.setTimeout(() => void save(), DEBOUNCE_MS);
    return ok;
  }, [client, id, scope, keep, syncPending]);

  // On opening the form: what this device holds unsent for it goes back into the form, and out.
  useEffect(() => {
    let live = true;
    const restore = async () => {
      const store = await draftStore();
      if (!live) return;
      setKeeping(store !== null);
      const draft = store && (await store.get(scope).catch(() => undefined));
      if (!live || !store || !draft) return;
      const onServer = formValues(detailRef.current);
      const questions = new Set(
        detailRef.current.requirements.questions.filter((q) => q.type !== "file").map((q) => q.key),
      );
      const unsent = Object.entries(unsentAgainst(draft, onServer)).filter(
        ([key]) => questions.has(key) && !dirty.current.has(key),
      );
      if (unsent.length === 0) {
        if (dirty.current.size === 0) await store.discard(scope);
        return;
      }
      const next = { ...valuesRef.current };
      for (const [key, value] of unsent) {
        next[key] = value as AnswerValue;
        dirty.current.add(key);
      }
      version.current = draft.baseVersion;
      valuesRef.current = next;
      setValues(next);
      syncPending();
      notice.current(unsent.length);
    };
    restoring.current = restore()
      .catch(() => setKeeping(false))
      .finally(() => {
        restoring.current = null;
      });
    void restoring.current.then(() => {
      if (live && dirty.current.size > 0) void save();
    });
    return () => {
      live = false;
    };
  }, [scope, save, syncPending]);

  // Waiting for the network: try again when the browser says it is back, and every few seconds.
  const offline = state.kind === "offline";
  useEffect(() => {
    if (!offline) return;
    const retry = () => void save();
    window.addEventListener("online", retry);
    const every = window.setInterval(retry, RETRY_MS);
    return () => {
      window.removeEventListener("online", retry);
      window.clearInterval(every);
    };
  }, [offline, save]);

  const change = useCallback(
    (key: string, value: AnswerValue) => {
      valuesRef.current = { ...valuesRef.current, [key]: value };
      setValues(valuesRef.current);
      dirty.current.add(key);
      syncPending();
      keep((store) => store.save(scope, { [key]: value }, version.current));
      setFieldErrors((e) => {
        if (!(key in e)) return e;
        const { [key]: _gone, ...rest } = e;
        return rest;
      });
      if (blocked.current) return;
      setState((s) => (s.kind === "saving" || s.kind === "offline" ? s : { kind: "idle" }));
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void save(), DEBOUNCE_MS);
    },
    [save, scope, keep, syncPending],
  );

  /**
   * After a conflict: the answers changed here go on top of the latest version; every other
   * answer is the latest's, so nothing saved elsewhere is overwritten unseen.
   */
  const keepMine = useCallback(async () => {
    const latest = await getApplication(id);
    client.setQueryData(applicationKeys.detail(id), latest);
    version.current = latest.version;
    blocked.current = false;
    const next = formValues(latest);
    for (const key of dirty.current) next[key] = valuesRef.current[key] ?? null;
    valuesRef.current = next;
    setValues(next);
    return save();
  }, [client, id, save]);

  /** After a conflict: drop what is here (and on the device) and show the latest. */
  const loadLatest = useCallback(async () => {
    const latest = await getApplication(id);
    client.setQueryData(applicationKeys.detail(id), latest);
    version.current = latest.version;
    dirty.current.clear();
    keep((store) => store.discard(scope));
    blocked.current = false;
    valuesRef.current = formValues(latest);
    setValues(valuesRef.current);
    setFieldErrors({});
    syncPending();
    setState({ kind: "idle" });
  }, [client, id, scope, keep, syncPending]);

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
    /** The answers changed here and not yet saved (their keys). */
    pendingKeys: () => [...dirty.current],
    pending,
    unsaved: pending > 0,
    keeping,
  };
}

export type Autosave = ReturnType<typeof useAutosave>;
