/** What stands in for a secret in anything printed, logged or stored. */
export const REDACTED = "***";

/**
 * `scheme://user:password@host` with the password replaced, wherever such a URL appears in a
 * text (an error message, a config value), whether or not the URL is valid.
 */
export function maskCredentials(text: string): string {
  return text.replace(
    /\b([a-z][a-z0-9+.-]*:\/\/)([^\s:/@"'<>]*):([^\s@"'<>]*)@/gi,
    (_, scheme: string, user: string) => `${scheme}${user}:${REDACTED}@`,
  );
}

/**
 * The one redaction of the digest commands: every known secret (as written, URL-encoded and
 * URL-decoded) replaced, then any URL's credentials masked. Applied to every line a command
 * prints or logs and every error it stores.
 */
export function createRedactor(secrets: readonly (string | undefined)[]): (text: string) => string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    try {
      forms.add(decodeURIComponent(secret));
    } catch {
      // Not URL-encoded.
    }
  }
  // Longest first, so that a secret containing another is replaced whole.
  const ordered = [...forms].filter((form) => form.length >= 4).sort((a, b) => b.length - a.length);
  return (text) =>
    maskCredentials(ordered.reduce((out, form) => out.replaceAll(form, REDACTED), text));
}

/** The secrets of a transport URL: its password, if any. */
export function transportSecrets(transport: string | undefined): string[] {
  if (!transport) return [];
  try {
    const { password } = new URL(transport);
    return password ? [password] : [];
  } catch {
    const match = /\/\/[^:/@\s]*:([^@\s]*)@/.exec(transport);
    return match?.[1] ? [match[1]] : [];
  }
}
