// What the pointer carries when a drag takes several rows: "3 rows", not the picture of the one row
// grabbed, which would say that only it moves.
import { pointerOutsideOfPreview } from '@atlaskit/pragmatic-drag-and-drop/element/pointer-outside-of-preview';
import { setCustomNativeDragPreview } from '@atlaskit/pragmatic-drag-and-drop/element/set-custom-native-drag-preview';
import type { ElementEventPayloadMap } from '@atlaskit/pragmatic-drag-and-drop/element/adapter';
import { token } from '@atlaskit/tokens';

export function severalRowsPreview(
  count: number,
  nativeSetDragImage: ElementEventPayloadMap['onGenerateDragPreview']['nativeSetDragImage'],
): void {
  setCustomNativeDragPreview({
    nativeSetDragImage,
    getOffset: pointerOutsideOfPreview({ x: token('space.200', '16px'), y: token('space.100', '8px') }),
    render: ({ container }) => {
      const label = document.createElement('div');
      label.textContent = `${count} rows`;
      Object.assign(label.style, {
        padding: `${token('space.050', '4px')} ${token('space.150', '12px')}`,
        borderRadius: token('radius.small', '4px'),
        background: token('elevation.surface.overlay', '#fff'),
        boxShadow: token('elevation.shadow.overlay'),
        color: token('color.text'),
        font: token('font.body'),
      });
      container.append(label);
    },
  });
}
