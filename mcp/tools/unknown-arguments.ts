// A tool refuses arguments it does not declare (a misspelled `tts_param` must not be silently dropped):
// the error names the unknown argument and the closest declared one.

/** Edit distance (insertions, deletions, substitutions) between two short names. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The declared name closest to `name`, when it is close enough to be a likely typo. */
export function closestName(name: string, declared: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of declared) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (!best || d < best.distance) best = { name: candidate, distance: d };
  }
  return best && best.distance <= Math.max(2, Math.floor(name.length / 3)) ? best.name : undefined;
}

/** The message for arguments a tool does not declare. */
export function unknownArgumentsMessage(tool: string, unknown: readonly string[], declared: readonly string[]): string {
  const each = unknown.map((key) => {
    const near = closestName(key, declared);
    return `"${key}"${near ? ` (did you mean "${near}"?)` : ''}`;
  });
  return `${tool} has no argument ${each.join(', ')}; its arguments are: ${declared.join(', ')}. Nothing was sent.`;
}
