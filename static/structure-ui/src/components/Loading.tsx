import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';

export function Loading(props: { label?: string }) {
  const label = props.label ?? 'Loading';
  return (
    <div
      role="status"
      aria-live="polite"
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: token('space.100'),
        padding: token('space.300'),
        color: token('color.text.subtlest'),
      }}
    >
      <Spinner size="medium" label={label} />
      <span>{label}…</span>
    </div>
  );
}
