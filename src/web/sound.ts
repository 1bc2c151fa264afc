// The critical-alert chime. Browsers refuse to play sound before the user has interacted with the page,
// so we only try after a gesture, and the crisis team can mute it (remembered on this device).
const MUTE_KEY = 'pf_muted';
let audio: HTMLAudioElement | null = null;
let gestured = false;

export function initSound(): void {
  const mark = () => { gestured = true; };
  window.addEventListener('pointerdown', mark, { once: true, capture: true });
  window.addEventListener('keydown', mark, { once: true, capture: true });
}

export function isMuted(): boolean {
  return localStorage.getItem(MUTE_KEY) === '1';
}

export function setMuted(muted: boolean): void {
  if (muted) localStorage.setItem(MUTE_KEY, '1');
  else localStorage.removeItem(MUTE_KEY);
}

/** Plays the chime if allowed; returns whether it was attempted. */
export function playAlertSound(): boolean {
  const activated = gestured || (navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation?.hasBeenActive === true;
  if (isMuted() || !activated) return false;
  audio ??= new Audio('/sounds/alert.wav');
  audio.currentTime = 0;
  audio.play().catch(() => undefined); // a refused play is not an error worth reporting
  return true;
}
