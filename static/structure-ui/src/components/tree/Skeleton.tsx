import { token } from '@atlaskit/tokens';

/** Stands in for text that is on its way from Jira, so rows keep their shape while details load. */
export function Skeleton(props: { width: number | string }) {
  return (
    <span
      aria-hidden="true"
      style={{
        display: 'inline-block',
        width: props.width,
        height: 10,
        borderRadius: 3,
        background: token('color.skeleton'),
      }}
    />
  );
}
