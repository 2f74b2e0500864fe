/**
 * A short fire-bell sound made in the page (Web Audio, no file, no network): two tones
 * alternating for `seconds`. Needs a user gesture first (the visitor's touch on a role); does
 * nothing where audio is unavailable. Returns a function that stops it.
 */
export function playAlarm(seconds = 2.4): () => void {
  const Ctx = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
  if (!Ctx) return () => {};
  let ctx: AudioContext;
  try {
    ctx = new Ctx();
  } catch {
    return () => {};
  }
  const gain = ctx.createGain();
  gain.gain.value = 0.08;
  gain.connect(ctx.destination);
  const osc = ctx.createOscillator();
  osc.type = 'square';
  for (let i = 0; i * 0.3 < seconds; i++) osc.frequency.setValueAtTime(i % 2 ? 660 : 880, ctx.currentTime + i * 0.3);
  osc.connect(gain);
  osc.start();
  osc.stop(ctx.currentTime + seconds);
  return () => {
    void ctx.close().catch(() => {});
  };
}
