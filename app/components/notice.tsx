// Short confirmations after an action (paused, resumed, cancelled, started): App Bridge's toast in
// the Shopify admin; in local mode, where App Bridge is absent, a dismissible Polaris banner at the
// top of the page, announced to screen readers as a status.
import { Banner, Box } from '@shopify/polaris';
import { type ReactNode, createContext, useCallback, useContext, useState } from 'react';
import { useEmbedded } from './AppPage.tsx';

type Notify = (message: string, options?: { error?: boolean }) => void;

const NoticeContext = createContext<Notify>(() => {});

interface AppBridgeToast {
  show: (message: string, options?: { isError?: boolean; duration?: number }) => void;
}

export function NoticeProvider({ children }: { children: ReactNode }) {
  const embedded = useEmbedded();
  const [notice, setNotice] = useState<{ message: string; error: boolean } | null>(null);
  const notify = useCallback<Notify>(
    (message, options) => {
      const toast = (window as unknown as { shopify?: { toast?: AppBridgeToast } }).shopify?.toast;
      if (embedded && toast) toast.show(message, { isError: options?.error ?? false });
      else setNotice({ message, error: options?.error ?? false });
    },
    [embedded],
  );
  return (
    <NoticeContext.Provider value={notify}>
      {notice ? (
        <Box paddingBlockEnd="400">
          <div role="status">
            <Banner tone={notice.error ? 'critical' : 'success'} title={notice.message} onDismiss={() => setNotice(null)} />
          </div>
        </Box>
      ) : null}
      {children}
    </NoticeContext.Provider>
  );
}

export function useNotify(): Notify {
  return useContext(NoticeContext);
}
