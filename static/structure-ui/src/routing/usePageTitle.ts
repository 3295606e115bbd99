import { useEffect } from 'react';
import { useServices } from '../api/ServicesContext';

/** Sets the host window's title (Jira's tab title) and the iframe document's title. */
export function usePageTitle(title: string): void {
  const { changeWindowTitle } = useServices();
  useEffect(() => {
    document.title = title;
    // A host that cannot change its title is not worth an error on screen.
    changeWindowTitle(title).catch(() => undefined);
  }, [title, changeWindowTitle]);
}
