/**
 * A reporter's name as a board shows it (反映人, masked like the phone): the first character, the
 * rest hidden, so a shift lead can tell callers apart without reading their names.
 */
export function maskedName(name: string): string {
  const characters = [...name.trim()];
  if (characters.length === 0) return '';
  return `${characters[0]}${'*'.repeat(Math.max(1, characters.length - 1))}`;
}
