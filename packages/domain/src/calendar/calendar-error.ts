/** A calendar that cannot answer the question: malformed, or without working time ahead. */
export class CalendarError extends Error {
  override readonly name = 'CalendarError';
}
