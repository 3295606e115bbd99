import { token } from '@atlaskit/tokens';
import type { ExportCountsDto } from '../../../../../src/contract';
import { exportFigures } from './exportWords';

/** An export's counts per kind of change, as a definition list. */
export function ExportFigures(props: { counts: ExportCountsDto; testIdPrefix: string; large?: boolean }) {
  return (
    <dl
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        gap: `${token('space.150')} ${token('space.300')}`,
        margin: `${token('space.150')} 0`,
        padding: 0,
      }}
    >
      {exportFigures(props.counts).map((f) => (
        <div key={f.id}>
          <dt style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>{f.label}</dt>
          <dd
            style={{ margin: 0, font: token(props.large ? 'font.heading.large' : 'font.heading.medium') }}
            data-testid={`${props.testIdPrefix}-${f.id}`}
          >
            {f.value.toLocaleString()}
          </dd>
        </div>
      ))}
    </dl>
  );
}
