// Password rules beyond length: zxcvbn's estimate of how many guesses an attacker needs (dictionaries of
// common passwords, keyboard walks on qwerty and azerty, repeats, sequences, dates, l33t), with the user's
// own email and name counted as known words. A password in the common-passwords list is refused outright.
// zxcvbn-ts is used rather than a hand-written check because the estimate needs its dictionaries and
// pattern matchers; the dictionaries load once, on the first password checked.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/** zxcvbn score 0–4; 3 = "safely unguessable: moderate protection from offline slow-hash scenario" (~10^8 guesses). */
export const MIN_PASSWORD_SCORE = 3;

let factory: ZxcvbnFactory | null = null;
let common: Set<string> | null = null;

function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return factory;
}

/** Why the password is refused, or null when it is strong enough. */
export function passwordWeakness(password: string, userInputs: string[] = []): string | null {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  if (common.has(password.toLowerCase().trim())) return 'is one of the most common passwords';
  const result = estimator().check(password.slice(0, 256), userInputs.flatMap((s) => [s, ...s.split(/[@.\s_-]+/)]).filter((s) => s.length >= 3));
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const hint = result.feedback.warning ? ` (${result.feedback.warning})` : '';
  return `is too easy to guess${hint}; use a longer passphrase of unrelated words`;
}
