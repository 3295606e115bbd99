import { useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/new';
import TextField from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';

/** Search within the structure by text or JQL: the view keeps the matching rows and their ancestors. */
export function FilterBar(props: {
  busy: boolean;
  active: boolean;
  onFilter: (query: string) => void;
  onClear: () => void;
}) {
  const [query, setQuery] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (query.trim()) props.onFilter(query.trim());
  };
  return (
    <form
      role="search"
      aria-label="Filter the structure"
      onSubmit={submit}
      style={{ display: 'flex', alignItems: 'center', gap: token('space.050'), marginBottom: token('space.150') }}
    >
      <div style={{ flex: '1 1 320px', maxWidth: 560 }}>
        <TextField
          aria-label="Filter rows by text or JQL"
          placeholder="Text, or JQL such as status = Done AND assignee = currentUser()"
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          isCompact
          testId="filter-rows"
        />
      </div>
      <Button type="submit" isLoading={props.busy}>
        Filter
      </Button>
      {props.active && (
        <Button
          onClick={() => {
            setQuery('');
            props.onClear();
          }}
        >
          Show all rows
        </Button>
      )}
    </form>
  );
}
