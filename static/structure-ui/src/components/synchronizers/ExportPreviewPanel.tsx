import { useEffect, useRef, type ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { ExportPreview } from '../../../../../src/contract';
import { ExportPreviewDetails } from './ExportPreviewDetails';

/** The Export page's preview section: computed by the server without writing anything. */
export function ExportPreviewPanel(props: { preview: ExportPreview; action?: ReactNode }) {
  const section = useRef<HTMLElement>(null);
  // Braces matter: Chromium's scrollIntoView returns a promise, which React would take for a cleanup.
  useEffect(() => {
    section.current?.scrollIntoView?.({ block: 'start' });
  }, [props.preview]);
  return (
    <section
      ref={section}
      aria-labelledby="export-preview-heading"
      data-testid="export-preview"
      style={{ marginTop: token('space.300') }}
    >
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: token('space.200') }}>
        <Heading size="medium" as="h2" id="export-preview-heading">
          Preview
        </Heading>
        {props.action}
      </div>
      <ExportPreviewDetails preview={props.preview} />
    </section>
  );
}
