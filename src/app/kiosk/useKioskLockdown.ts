import { useEffect } from 'react';

/**
 * Locks the page down while the kiosk route is shown (a venue leaves it running unattended): no
 * context menu (long-press menu on touch screens), no pinch or ctrl+wheel page zoom (the viewport
 * is fixed at scale 1; the 3D view still zooms itself), no text selection (kiosk.css) and no
 * dragging images or text out. Everything is put back on leaving the route.
 */
export function useKioskLockdown(): void {
  useEffect(() => {
    const meta = document.querySelector<HTMLMetaElement>('meta[name=viewport]') ?? document.head.appendChild(Object.assign(document.createElement('meta'), { name: 'viewport' }));
    const before = meta.getAttribute('content');
    meta.setAttribute('content', 'width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no');
    const block = (e: Event) => e.preventDefault();
    // ctrl+wheel is how a touchpad pinch reaches a desktop browser
    const wheel = (e: WheelEvent) => {
      if (e.ctrlKey) e.preventDefault();
    };
    // two fingers on the page outside the 3D view: no pinch zoom (the canvas handles its own touches)
    const touch = (e: TouchEvent) => {
      if (e.touches.length > 1 && !(e.target instanceof HTMLCanvasElement)) e.preventDefault();
    };
    const keys = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && ['+', '-', '=', '0'].includes(e.key)) e.preventDefault();
    };
    document.addEventListener('contextmenu', block);
    document.addEventListener('dragstart', block);
    document.addEventListener('selectstart', block);
    document.addEventListener('gesturestart', block);
    document.addEventListener('wheel', wheel, { passive: false });
    document.addEventListener('touchmove', touch, { passive: false });
    document.addEventListener('keydown', keys);
    document.documentElement.classList.add('kiosk-locked');
    return () => {
      if (before === null) meta.removeAttribute('content');
      else meta.setAttribute('content', before);
      document.removeEventListener('contextmenu', block);
      document.removeEventListener('dragstart', block);
      document.removeEventListener('selectstart', block);
      document.removeEventListener('gesturestart', block);
      document.removeEventListener('wheel', wheel);
      document.removeEventListener('touchmove', touch);
      document.removeEventListener('keydown', keys);
      document.documentElement.classList.remove('kiosk-locked');
    };
  }, []);
}
