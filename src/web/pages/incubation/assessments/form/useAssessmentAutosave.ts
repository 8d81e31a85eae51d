/**
 * Autosave of an assessment's scores, as the review form does it (reviews/score/useReviewAutosave.ts):
 * every choice goes at once to the device's offline draft store (src/web/offline, kind "assessment"), then
 * to the server about a second after the last keystroke, only what changed, at the version this
 * page last saw. Unreachable: the changes wait on the device and go when the browser is back
 * online (and every few seconds); a reload puts them back and sends them. A 409 stops the saves
 * and says so; nothing typed is dropped.
 *
 * Keys: `s:<indicator>` a score, `c:<indicator>` a comment, `summary` the overall comment.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { AssessmentDetail, AssessmentSave } from "../../../../../schemas/incubation/assessments";
import { type ApiError, isApiError } from "../../../../api/client";
import { assessmentKeys, saveAssessment } from "../../../../api/incubation/assessments";
import { useCurrentUser } from "../../../../auth/session";
import { draftStore } from "../../../../offline/draftStore";
import {
  type DraftChanges,
  type DraftScope,
  type DraftValue,
  unsentAgainst,
} from "../../../../offline/drafts";

export type AssessmentSaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "offline" }
  | { kind: "error"; message: string; field?: string }
  | { kind: "conflict"; message: string };

export type AssessmentValues = Record<string, DraftValue>;

const DEBOUNCE_MS = 1000;
const RETRY_MS = 10_000;

function assessmentValues(detail: Pick<AssessmentDetail, "scores" | "summary" | "instrument">) {
  const values: AssessmentValues = {};
  const byKey = new Map(detail.scores.map((s) => [s.indicatorKey, s]));
  for (const d of detail.instrument.content.dimensions) {
    for (const i of d.indicators) {
      values[`s:${i.key}`] = byKey.get(i.key)?.score ?? null;
      values[`c:${i.key}`] = byKey.get(i.key)?.comment ?? "";
    }
  }
  values.summary = detail.summary ?? "";
  return values;
}

const unreachable = (error: unknown): error is ApiError =>
  isApiError(error) && [0, 502, 503, 504].includes(error.status);

function toBody(version: number, changes: DraftChanges): AssessmentSave {
  const items = new Map<string, { indicatorKey: string; score?: number | null; comment?: string }>();
  const item = (key: string) => {
    const found = items.get(key) ?? { indicatorKey: key };
    items.set(key, found);
    return found;
  };
  const body: AssessmentSave = { version };
  for (const [key, value] of Object.entries(changes)) {
    if (key.startsWith("s:")) item(key.slice(2)).score = typeof value === "number" ? value : null;
    else if (key.startsWith("c:")) item(key.slice(2)).comment = typeof value === "string" ? value : "";
    else if (key === "summary") body.summary = typeof value === "string" ? value : "";
  }
  if (items.size > 0) body.scores = [...items.values()];
  return body;
}

export function useAssessmentAutosave(detail: AssessmentDetail, enabled: boolean) {
  const client = useQueryClient();
  const user = useCurrentUser();
  const id = detail.id;
  const scope = useMemo<DraftScope>(
    () => ({ userId: user.id, kind: "assessment", recordId: id }),
    [user.id, id],
  );
  const [values, setValues] = useState<AssessmentValues>(() => assessmentValues(detail));
  const [state, setState] = useState<AssessmentSaveState>({ kind: "idle" });
  const [result, setResult] = useState(detail.result);
  const [pending, setPending] = useState(0);
  const [keeping, setKeeping] = useState<boolean | null>(null);
  const valuesRef = useRef(values);
  const version = useRef(detail.version);
  const dirty = useRef(new Set<string>());
  const timer = useRef<number | undefined>(undefined);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const blocked = useRef(false);
  const detailRef = useRef(detail);
  detailRef.current = detail;

  const keep = useCallback(
    (write: (store: NonNullable<Awaited<ReturnType<typeof draftStore>>>) => Promise<void>) => {
      void draftStore()
        .then((store) => store && write(store))
        .catch(() => setKeeping(false));
    },
    [],
  );

  const save = useCallback(async (): Promise<boolean> => {
    window.clearTimeout(timer.current);
    if (inFlight.current) await inFlight.current;
    if (blocked.current || !enabled) return false;
    if (dirty.current.size === 0) return true;
    const keys = [...dirty.current];
    dirty.current.clear();
    const sent: DraftChanges = {};
    for (const key of keys) sent[key] = valuesRef.current[key] ?? null;
    setState((s) => (s.kind === "offline" ? s : { kind: "saving" }));
    const run = (async () => {
      try {
        const saved = await saveAssessment(id, toBody(version.current, sent));
        version.current = saved.version;
        keep((store) => store.markSent(scope, sent, saved.version));
        client.setQueryData<AssessmentDetail>(assessmentKeys.detail(id), (old) =>
          old ? { ...old, version: saved.version, result: saved.result } : old,
        );
        setResult(saved.result);
        setState(dirty.current.size > 0 ? { kind: "idle" } : { kind: "saved", at: new Date() });
        setPending(dirty.current.size);
        return true;
      } catch (error) {
        if (unreachable(error)) {
          for (const key of keys) dirty.current.add(key);
          setState({ kind: "offline" });
        } else if (isApiError(error) && error.status === 409) {
          for (const key of keys) dirty.current.add(key);
          blocked.current = true;
          setState({ kind: "conflict", message: error.message });
        } else {
          // A refused value (out of scale) waits for the user to change it; the rest was not sent.
          for (const key of keys)
            if (!isApiError(error) || !error.field?.startsWith("scores.")) dirty.current.add(key);
          setState({
            kind: "error",
            message: error instanceof Error ? error.message : String(error),
            field: isApiError(error) ? error.field : undefined,
          });
        }
        setPending(dirty.current.size);
        return false;
      }
    })();
    inFlight.current = run;
    const ok = await run;
    inFlight.current = null;
    if (ok && dirty.current.size > 0) timer.current = window.setTimeout(() => void save(), DEBOUNCE_MS);
    return ok;
  }, [client, id, scope, keep, enabled]);

  // Opening the page: what this device holds unsent for this review goes back into the form, and out.
  useEffect(() => {
    let live = true;
    void (async () => {
      const store = await draftStore().catch(() => null);
      if (!live) return;
      setKeeping(store !== null);
      const draft = store && (await store.get(scope).catch(() => undefined));
      if (!live || !store || !draft) return;
      const unsent = Object.entries(unsentAgainst(draft, assessmentValues(detailRef.current)));
      if (unsent.length === 0) {
        await store.discard(scope);
        return;
      }
      const next = { ...valuesRef.current };
      for (const [key, value] of unsent) {
        next[key] = value;
        dirty.current.add(key);
      }
      version.current = draft.baseVersion;
      valuesRef.current = next;
      setValues(next);
      setPending(dirty.current.size);
      void save();
    })();
    return () => {
      live = false;
    };
  }, [scope, save]);

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
    (key: string, value: DraftValue) => {
      valuesRef.current = { ...valuesRef.current, [key]: value };
      setValues(valuesRef.current);
      dirty.current.add(key);
      setPending(dirty.current.size);
      keep((store) => store.save(scope, { [key]: value }, version.current));
      if (blocked.current) return;
      setState((s) => (s.kind === "saving" || s.kind === "offline" ? s : { kind: "idle" }));
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void save(), DEBOUNCE_MS);
    },
    [save, scope, keep],
  );

  /** After the submit: nothing is left to keep on the device. */
  const discard = useCallback(() => keep((store) => store.discard(scope)), [keep, scope]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  return {
    values,
    state,
    change,
    flush: save,
    version: () => version.current,
    pending,
    keeping,
    discard,
    result,
  };
}
