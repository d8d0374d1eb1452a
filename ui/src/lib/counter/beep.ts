// A short low double beep for a failed scan, so the clerk notices without looking up.
// Silent where audio is unavailable.

let context: AudioContext | null = null;

export function errorBeep(): void {
  try {
    context ??= new AudioContext();
    const start = context.currentTime;
    for (const offset of [0, 0.16]) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'square';
      oscillator.frequency.value = 220;
      gain.gain.setValueAtTime(0.06, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.12);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.12);
    }
  } catch {
    // No audio device or autoplay refused: the on-screen message is enough.
  }
}
