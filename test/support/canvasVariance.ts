import type { Page } from 'playwright-core';

/**
 * Standard deviation of the pixels of a screenshot of `selector` (0 for a blank canvas),
 * computed in the page: the browser tests' "is anything drawn" check for 3D scenes.
 */
export async function canvasVariance(page: Page, selector: string): Promise<number> {
  const png = await page.locator(selector).screenshot();
  return page.evaluate(async (b64) => {
    const w = globalThis as any; // the page's globals (the Node project has no DOM lib)
    const img = new w.Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = w.document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let s = 0;
    let s2 = 0;
    let n = 0;
    for (let i = 0; i < d.length; i += 16) {
      const v = (d[i]! + d[i + 1]! + d[i + 2]!) / 3;
      s += v;
      s2 += v * v;
      n++;
    }
    return Math.sqrt(s2 / n - (s / n) ** 2);
  }, png.toString('base64'));
}
