/**
 * The same day and time `months` calendar months later, in UTC. A day the target month lacks
 * falls back to its last day: 31 August + 6 months is 28 February, or 29 in a leap year.
 */
export function addMonths(from: Date, months: number): Date {
  const date = new Date(from);
  const month = date.getUTCMonth() + months;
  // Month and day set together, so the day never overflows; day 0 of the next month is the target's last day.
  date.setUTCMonth(month, Math.min(date.getUTCDate(), new Date(Date.UTC(date.getUTCFullYear(), month + 1, 0)).getUTCDate()));
  return date;
}
