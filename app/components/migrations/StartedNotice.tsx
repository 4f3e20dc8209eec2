// A toast on the migration page when it was opened from the setup page's start (`?started=1`).
import { useSearchParams } from '@remix-run/react';
import { useEffect } from 'react';
import { useNotify } from '../layout/notice.tsx';

/** Arriving from the setup page's start: say so once, then take the marker out of the address. */
export function StartedNotice() {
  const [search, setSearch] = useSearchParams();
  const notify = useNotify();
  const started = search.get('started') === '1';
  useEffect(() => {
    if (!started) return;
    notify('Migration started');
    setSearch(
      (current) => {
        current.delete('started');
        return current;
      },
      { replace: true, preventScrollReset: true },
    );
  }, [started, notify, setSearch]);
  return null;
}
