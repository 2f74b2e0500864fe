import { useState, type DragEvent } from 'react';

/**
 * A drop zone's state and handlers: `over` while files are dragged over it (for its highlight),
 * and `handlers` to spread on the element; a drop hands the files to `onFiles`.
 */
export function useFileDrop(onFiles: (files: FileList) => void): {
  over: boolean;
  handlers: { onDragOver(e: DragEvent): void; onDragLeave(): void; onDrop(e: DragEvent): void };
} {
  const [over, setOver] = useState(false);
  return {
    over,
    handlers: {
      onDragOver(e) {
        e.preventDefault();
        setOver(true);
      },
      onDragLeave() {
        setOver(false);
      },
      onDrop(e) {
        e.preventDefault();
        setOver(false);
        onFiles(e.dataTransfer.files);
      },
    },
  };
}
