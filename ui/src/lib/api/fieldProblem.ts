// Refusals that name a field first, as the core words them (`host: …`, `e-mail: …`,
// `admin_addresses[1]: …`). The prefix is read only to show the message next to its field;
// what a refusal means is decided by its code, never by its text.
import type { Problem } from './errors';

/** The field a message starts with (`port: the port must …` → `port`), or null when it names none. */
export function messageField(message: string): string | null {
  const colon = message.indexOf(':');
  if (colon <= 0) return null;
  const field = message.slice(0, colon);
  return /^[a-z][a-z0-9_-]*(\[\d+\])?$/.test(field) ? field : null;
}

/** The message without the field it starts with, from a capital letter. */
export function messageText(message: string): string {
  const field = messageField(message);
  if (field === null) return message;
  const rest = message.slice(field.length + 1).trim();
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/**
 * A refusal of an e-mail address typed into a customer form (`invalid_email`, `e-mail: …`),
 * worded for the field; null for any other refusal.
 */
export function emailFieldProblem(problem: Problem): Problem | null {
  return problem.code === 'invalid_email' ? { ...problem, message: messageText(problem.message) } : null;
}
