/**
 * Autosave of the inspection record, as the application form does it (apply/useAutosave.ts): a
 * save ~1.5 s after the last change, at the version this page last saw; every change goes first
 * to the device's offline draft store (kind "inspection"), so a dropped connection or a reload
 * loses nothing: the page says what waits, and sends it when the browser is back online.
 *
 * The API takes the whole finding, so a save sends the form as it stands; the version guards it.
 * A 409 never drops what was typed: the latest record is read, and each field changed on both
 * sides is shown twice for the user to choose (`resolve`); the rest merges by itself (fields
 * changed only there are taken, fields changed only here are kept).
 */
import { useQueryClient } from "@tanstack/react-query";
import { App } from "antd";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { InspectionFinding } from "../../../../../domain/inspection";
import type { InspectionDetail } from "../../../../../schemas/admission/inspections";
import { getInspection, inspectionKeys, saveFinding } from "../../../../api/admission/inspections";
import { type ApiError, isApiError } from "../../../../api/client";
import { useCurrentUser } from "../../../../auth/session";
import { draftStore } from "../../../../offline/draftStore";
import {
  type DraftChanges,
  type DraftScope,
  type DraftValue,
  sameValue,
  unsentAgainst,
} from "../../../../offline/drafts";
import { type FindingValues, findingKeys, toFinding, toValues } from "./findingValues";

export type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "error"; message: string }
  | { kind: "offline" }
  /** Fields changed here and there: each with both values, for the user to choose. */
  | {
      kind: "conflict";
      latest: InspectionDetail;
      fields: { key: string; mine: DraftValue; theirs: DraftValue }[];
    }
  | { kind: "locked"; message: string };

const DEBOUNCE_MS = 1500;
const RETRY_MS = 10_000;
const DRAFT_KIND = "inspection";

const unreachable = (error: unknown): error is ApiError =>
  isApiError(error) &&
  (error.status === 0 || error.status === 502 || error.status === 503 || error.status === 504);

/** The fields changed here that the latest version holds differently. */
function conflictWith(latest: InspectionDetail, mine: FindingValues, changed: Set<string>): SaveState {
  const theirs = valuesOf(latest);
  const fields = [...changed]
    .filter((key) => !sameValue(mine[key], theirs[key]))
    .map((key) => ({ key, mine: mine[key] ?? null, theirs: theirs[key] ?? null }));
  return { kind: "conflict", latest, fields };
}

const valuesOf = (detail: InspectionDetail) => toValues(detail.finding as InspectionFinding, detail.checks);

export function useInspectionAutosave(detail: InspectionDetail, editable: boolean) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation();
  const user = useCurrentUser();
  const id = detail.id;
  const checks = detail.checks;
  const keys = useMemo(() => new Set(findingKeys(checks)), [checks]);
  const scope = useMemo<DraftScope>(
    () => ({ userId: user.id, kind: DRAFT_KIND, recordId: id }),
    [user.id, id],
  );
  const [values, setValues] = useState<FindingValues>(() => valuesOf(detail));
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const [pending, setPending] = useState(0);
  const [keeping, setKeeping] = useState<boolean | null>(null);
  const valuesRef = useRef(values);
  const detailRef = useRef(detail);
  const version = useRef(detail.version);
  const dirty = useRef(new Set<string>());
  const timer = useRef<number | undefined>(undefined);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const blocked = useRef(!editable);
  const restoring = useRef<Promise<void> | null>(null);
  const notice = useRef((count: number) => void message.info(t("inspections.save.restored", { count })));
  notice.current = (count) => void message.info(t("inspections.save.restored", { count }));

  const syncPending = useCallback(() => setPending(dirty.current.size), []);
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
    blocked.current = blocked.current || !editable;
    if (detail.version > version.current && dirty.current.size === 0 && !inFlight.current) {
      version.current = detail.version;
      valuesRef.current = valuesOf(detail);
      setValues(valuesRef.current);
    }
  }, [detail, editable]);

  const save = useCallback(async (): Promise<boolean> => {
    window.clearTimeout(timer.current);
    if (restoring.current) await restoring.current;
    if (inFlight.current) await inFlight.current;
    if (blocked.current) return false;
    if (dirty.current.size === 0) return true;
    const sentKeys = [...dirty.current];
    dirty.current.clear();
    const sent: DraftChanges = {};
    for (const key of sentKeys) sent[key] = valuesRef.current[key] ?? null;
    setState((s) => (s.kind === "offline" ? s : { kind: "saving" }));
    const run = (async () => {
      try {
        const saved = await saveFinding(id, {
          version: version.current,
          finding: toFinding(valuesRef.current, detailRef.current.checks),
        });
        version.current = saved.version;
        keep((store) => store.markSent(scope, sent, saved.version));
        void client.invalidateQueries({ queryKey: inspectionKeys.detail(id) });
        setState(dirty.current.size > 0 ? { kind: "idle" } : { kind: "saved", at: new Date() });
        syncPending();
        return true;
      } catch (error) {
        for (const key of sentKeys) dirty.current.add(key);
        if (unreachable(error)) {
          setState({ kind: "offline" });
        } else if (isApiError(error) && error.code === "version_conflict") {
          blocked.current = true;
          const latest = await getInspection(id).catch(() => null);
          if (latest) setState(conflictWith(latest, valuesRef.current, dirty.current));
          else setState({ kind: "error", message: error.message });
        } else if (
          isApiError(error) &&
          (error.code === "inspection_status_invalid" || error.status === 404)
        ) {
          blocked.current = true;
          setState({ kind: "locked", message: error.message });
          void client.invalidateQueries({ queryKey: inspectionKeys.detail(id) });
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

  // On opening: what this device holds unsent for the record goes back into the form, and out.
  useEffect(() => {
    let live = true;
    const restore = async () => {
      const store = await draftStore();
      if (!live) return;
      setKeeping(store !== null);
      const draft = store && (await store.get(scope).catch(() => undefined));
      if (!live || !store || !draft) return;
      if (blocked.current) return; // read-only now (signed off elsewhere): the draft stays, unsent
      const onServer = valuesOf(detailRef.current);
      const unsent = Object.entries(unsentAgainst(draft, onServer)).filter(
        ([key]) => keys.has(key) && !dirty.current.has(key),
      );
      if (unsent.length === 0) {
        if (dirty.current.size === 0) await store.discard(scope);
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
  }, [scope, save, syncPending, keys]);

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
      syncPending();
      keep((store) => store.save(scope, { [key]: value }, version.current));
      if (blocked.current) return;
      setState((s) => (s.kind === "saving" || s.kind === "offline" ? s : { kind: "idle" }));
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void save(), DEBOUNCE_MS);
    },
    [save, scope, keep, syncPending],
  );

  /**
   * After a conflict: the latest version, with this side's value for each field the user chose
   * "mine" for (and for fields changed only here); then saved at the latest version.
   */
  const resolve = useCallback(
    async (choices: Record<string, "mine" | "theirs">) => {
      if (state.kind !== "conflict") return false;
      const latest = await getInspection(id);
      client.setQueryData(inspectionKeys.detail(id), latest);
      const next = valuesOf(latest);
      for (const key of [...dirty.current]) {
        if (choices[key] === "theirs") {
          dirty.current.delete(key);
        } else {
          next[key] = valuesRef.current[key] ?? null;
        }
      }
      keep((store) => store.discard(scope));
      for (const key of dirty.current) {
        const v = next[key] ?? null;
        keep((store) => store.save(scope, { [key]: v }, latest.version));
      }
      version.current = latest.version;
      valuesRef.current = next;
      setValues(next);
      blocked.current = false;
      syncPending();
      setState({ kind: "idle" });
      return save();
    },
    [client, id, keep, save, scope, state.kind, syncPending],
  );

  useEffect(() => () => window.clearTimeout(timer.current), []);

  return {
    values,
    state,
    change,
    flush: save,
    resolve,
    version: () => version.current,
    pending,
    unsaved: pending > 0,
    keeping,
  };
}

export type InspectionAutosave = ReturnType<typeof useInspectionAutosave>;
