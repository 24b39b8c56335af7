/** Key paths inside param objects (push_destination.filesystem.base_directory): one walk for every use. */

/**
 * Replaces the string at `keys` (non-empty) inside `holder` with `f(old)`, in place; returns the old string, or
 * undefined (nothing changed) when the path is absent or does not end at a string.
 */
export function rewriteStringAt(holder: Record<string, unknown>, keys: readonly string[], f: (old: string) => string): string | undefined {
  let cur: Record<string, unknown> | undefined = holder;
  for (const k of keys.slice(0, -1)) cur = cur && typeof cur[k] === 'object' && cur[k] ? cur[k] as Record<string, unknown> : undefined;
  const last = keys[keys.length - 1];
  if (!cur || typeof cur[last] !== 'string') return undefined;
  const old = cur[last] as string;
  cur[last] = f(old);
  return old;
}
