// Follows a migration live: server-sent events from the events route, falling back to polling the
// page's loader when the stream cannot be opened or drops. Keeps recent samples per entity so the
// page can show a rate and the time left.
import { useRevalidator } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';
import { type Sample, entityStage, ratePerSecond } from '../../migrations/progress.ts';
import type { ProgressSnapshot } from '../../migrations/views.ts';

export const FINISHED = ['completed', 'failed', 'cancelled'];
const POLL_MS = 3000;

declare global {
  interface Window {
    /** App Bridge's global, present when the page runs embedded in the Shopify admin. */
    shopify?: { idToken: () => Promise<string> };
  }
}

/** EventSource cannot send headers, so embedded the session token travels as Shopify's id_token parameter. */
async function eventsUrl(id: string): Promise<string> {
  const url = new URL(`/app/migrations/${id}/events`, window.location.href);
  if (window.shopify) {
    const here = new URLSearchParams(window.location.search);
    for (const name of ['shop', 'host', 'embedded', 'locale']) {
      const value = here.get(name);
      if (value) url.searchParams.set(name, value);
    }
    url.searchParams.set('id_token', await window.shopify.idToken());
  }
  return url.toString();
}

export type LiveMode = 'live' | 'polling' | 'stopped';

export function useLiveProgress(id: string, loaded: ProgressSnapshot) {
  const [snapshot, setSnapshot] = useState(loaded);
  const [mode, setMode] = useState<LiveMode>(FINISHED.includes(loaded.status) ? 'stopped' : 'live');
  const samples = useRef(new Map<string, Sample[]>());
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;

  // Newer data from the loader (polling, or after an action) replaces what the stream said.
  useEffect(() => {
    setSnapshot((current) => (loaded.at > current.at ? loaded : current));
  }, [loaded]);

  // A status or phase change brings new sections (the review, the report): reload the page's data.
  useEffect(() => {
    if (snapshot.status !== loaded.status || snapshot.phase !== loaded.phase) revalidate.current();
  }, [snapshot.status, snapshot.phase, loaded.status, loaded.phase]);

  const finished = FINISHED.includes(snapshot.status);

  useEffect(() => {
    if (finished || mode !== 'live') return;
    let source: EventSource | null = null;
    let cancelled = false;
    eventsUrl(id)
      .then((url) => {
        if (cancelled) return;
        source = new EventSource(url);
        source.onmessage = (event) => setSnapshot(JSON.parse(event.data as string) as ProgressSnapshot);
        source.onerror = () => {
          source?.close();
          setMode('polling');
        };
      })
      .catch(() => setMode('polling'));
    return () => {
      cancelled = true;
      source?.close();
    };
  }, [id, finished, mode]);

  useEffect(() => {
    if (finished || mode !== 'polling') return;
    const timer = setInterval(() => revalidate.current(), POLL_MS);
    return () => clearInterval(timer);
  }, [finished, mode]);

  // One sample per snapshot and entity; a new stage (reading → writing) starts a new series.
  const at = Date.parse(snapshot.at);
  const rates: Record<string, number | null> = {};
  for (const entity of snapshot.entities) {
    const stage = entityStage(entity, snapshot.phase);
    const key = `${entity.entity}:${stage.verb}`;
    const series = samples.current.get(key) ?? [];
    if (series.at(-1)?.at !== at) series.push({ at, done: stage.done });
    if (series.length > 120) series.shift();
    samples.current.set(key, series);
    rates[entity.entity] = ratePerSecond(series);
  }

  return { snapshot, mode: finished ? 'stopped' : mode, rates };
}
