import { useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/new';
import Select from '@atlaskit/select';
import TextField from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { examplePlaceholders, useExampleProjects } from '../../api/useExampleProjects';
import { BAR_STYLE } from './barStyle';

/** Expand/collapse all, expand to level N, and find an issue by key. */
export function StructureToolbar(props: {
  maxDepth: number;
  /** The level the tree is expanded to, when it is exactly one (no row toggled by hand since). */
  level?: number;
  onExpandAll: () => void;
  onCollapseAll: () => void;
  onExpandToLevel: (level: number) => void;
  onSearch: (key: string) => void;
  searching: boolean;
  onShortcuts?: () => void;
  /** Whether the active row's details show; toggled here. */
  details?: boolean;
  onDetails?: () => void;
  /** Opens the columns dialog (viewers who may change the structure's columns). */
  onColumns?: () => void;
}) {
  const [query, setQuery] = useState('');
  const examples = examplePlaceholders(useExampleProjects());
  const levels = Array.from({ length: Math.max(1, props.maxDepth + 1) }, (_, i) => ({
    label: `Level ${i + 1}`,
    value: i + 1,
  }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (query.trim()) props.onSearch(query.trim().toUpperCase());
  };
  return (
    <div role="toolbar" aria-label="Structure view" style={BAR_STYLE}>
      <Button onClick={props.onExpandAll}>Expand all</Button>
      <Button onClick={props.onCollapseAll}>Collapse all</Button>
      {props.onShortcuts && <Button onClick={props.onShortcuts}>Keyboard shortcuts</Button>}
      {props.onDetails && (
        <Button onClick={props.onDetails} isSelected={props.details} aria-pressed={props.details}>
          Details
        </Button>
      )}
      {props.onColumns && <Button onClick={props.onColumns}>Columns</Button>}
      <div style={{ width: 170 }}>
        <label
          htmlFor="expand-level"
          style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}
        >
          Expand to level
        </label>
        <Select<{ label: string; value: number }>
          inputId="expand-level"
          options={levels}
          placeholder="Expand to level…"
          value={levels.find((l) => l.value === props.level) ?? null}
          onChange={(o) => o && props.onExpandToLevel(o.value)}
          spacing="compact"
          testId="expand-level"
        />
      </div>
      <form
        role="search"
        aria-label="Find an issue"
        onSubmit={submit}
        style={{ display: 'flex', alignItems: 'center', gap: token('space.050'), marginLeft: 'auto' }}
      >
        <div style={{ width: 240 }}>
          <TextField
            aria-label="Find issue by key"
            placeholder={examples.findKey}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            isCompact
            testId="find-key"
          />
        </div>
        <Button type="submit" isLoading={props.searching}>
          Find
        </Button>
      </form>
    </div>
  );
}
