import { token } from '@atlaskit/tokens';

/** The structure view's bars of controls above the tree (view, editing, folders and clipboard): one look. */
export const BAR_STYLE = {
  display: 'flex',
  flexWrap: 'wrap',
  gap: token('space.100'),
  alignItems: 'center',
  marginBottom: token('space.150'),
} as const;
