import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import type { ProblemDetail } from '../errors';

/**
 * The one password policy, for staff and applicants alike, applied wherever a password is set
 * (UserDirectory.add: the API and the CLI). Length follows NIST SP 800-63B's floor of 8 for
 * applicants, who see only their own cases; staff, whose accounts open every case of their
 * department and sign decisions, need 10. Everyone's password must also be hard to guess — a
 * zxcvbn score of 3, "safely unguessable", about 10^8 guesses, which matters once the stored
 * hashes leak: the sign-in throttle only slows guessing online.
 */
export const passwordRules = { staffLength: 10, applicantLength: 8, maxLength: 256, minScore: 3 } as const;

/** The service's own name, as easy to guess as the user's. */
const serviceWords = ['govflow'];

let estimator: ZxcvbnFactory | undefined;

/** Built at first use (its dictionaries take some 60 ms). Levenshtein matching is off: it costs ~180 ms a check on the event loop and the dictionary and l33t matchers already catch `Passw0rd`. */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, useLevenshteinDistance: false });
  return estimator;
}

/** What is wrong with `password` for this user, each as a problem at `password`; empty when it may be used. */
export function passwordProblems(password: string, user: { username: string; roles: readonly string[] }): ProblemDetail[] {
  const staff = user.roles.some((role) => role !== 'applicant');
  const minLength = staff ? passwordRules.staffLength : passwordRules.applicantLength;
  const length = [...password].length;
  if (length < minLength) return [problem(`must have at least ${minLength} characters${staff ? ' for a staff account' : ''}`)];
  if (length > passwordRules.maxLength) return [problem(`must have at most ${passwordRules.maxLength} characters`)];
  const lower = password.toLowerCase();
  const name = user.username.toLowerCase();
  if (lower === name || lower === [...name].reverse().join('')) return [problem('must not be the username')];
  const verdict = zxcvbn().check(password, [user.username, ...serviceWords]);
  if (verdict.score >= passwordRules.minScore) return [];
  return [problem(guessableReason(verdict.feedback.warning))];
}

/** zxcvbn's warning keys, in the server's words (modeler/src/pages/modeler/translate/zh-cn-access.ts has them in Chinese). */
function guessableReason(warning: string | null): string {
  if (warning === 'topTen' || warning === 'topHundred' || warning === 'common' || warning === 'similarToCommon') return 'is one of the most common passwords; choose a longer phrase of unrelated words';
  if (warning === 'userInputs') return 'is too close to the username or the name of the service; choose a longer phrase of unrelated words';
  return 'is too easy to guess (a word, a name, a date, a repetition or a keyboard pattern); choose a longer phrase of unrelated words';
}

function problem(message: string): ProblemDetail {
  return { path: 'password', message };
}
