// Short confirmations after an action (paused, resumed, cancelled, started): App Bridge's toast in
// the Shopify admin; in local mode, where App Bridge is absent, a Polaris banner at the top of the
// page until the migration's status next changes (errors stay until dismissed), announced to
// screen readers as a status. A button that changes the migration's status is gone once the change lands (Pause
// becomes Resume), so it tells the provider what to say when the status changes, and the provider
// says it.
import { Banner, Box } from '@shopify/polaris';
import { type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useEmbedded } from './AppPage.tsx';

type Notify = (message: string, options?: { error?: boolean }) => void;

interface Notices {
  notify: Notify;
  /** Say `message` once the migration's status has changed; `cancel` when the change was refused. */
  onStatusChange: (message: string) => { cancel: () => void };
}

const NoticeContext = createContext<Notices>({ notify: () => {}, onStatusChange: () => ({ cancel: () => {} }) });

interface AppBridgeToast {
  show: (message: string, options?: { isError?: boolean; duration?: number }) => void;
}

export function NoticeProvider({ status, children }: { status?: string; children: ReactNode }) {
  const embedded = useEmbedded();
  const [notice, setNotice] = useState<{ message: string; error: boolean } | null>(null);
  /** The migration's status when the banner appeared. */
  const shownAt = useRef<string | undefined>(undefined);
  const notify = useCallback<Notify>(
    (message, options) => {
      const toast = (window as unknown as { shopify?: { toast?: AppBridgeToast } }).shopify?.toast;
      if (embedded && toast) toast.show(message, { isError: options?.error ?? false });
      else {
        shownAt.current = status;
        setNotice({ message, error: options?.error ?? false });
      }
    },
    [embedded, status],
  );
  // A confirmation says what just happened: it goes when the migration's status next changes (the
  // writing that "started" has finished), or when dismissed; an error stays until dismissed.
  useEffect(() => {
    if (notice && !notice.error && shownAt.current !== undefined && shownAt.current !== status) setNotice(null);
  }, [notice, status]);
  const expected = useRef<{ message: string; from: string | undefined } | null>(null);
  useEffect(() => {
    if (expected.current && expected.current.from !== status) {
      notify(expected.current.message);
      expected.current = null;
    }
  }, [status, notify]);
  const notices = useMemo<Notices>(
    () => ({
      notify,
      onStatusChange: (message) => {
        const waiting = { message, from: status };
        expected.current = waiting;
        return {
          cancel: () => {
            if (expected.current === waiting) expected.current = null;
          },
        };
      },
    }),
    [notify, status],
  );
  return (
    <NoticeContext.Provider value={notices}>
      {notice ? (
        <Box paddingBlockEnd="400">
          <div role="status">
            <Banner
              tone={notice.error ? 'critical' : 'success'}
              title={notice.message}
              onDismiss={() => setNotice(null)}
            />
          </div>
        </Box>
      ) : null}
      {children}
    </NoticeContext.Provider>
  );
}

export function useNotify(): Notify {
  return useContext(NoticeContext).notify;
}

export function useStatusChangeNotice(): Notices['onStatusChange'] {
  return useContext(NoticeContext).onStatusChange;
}
