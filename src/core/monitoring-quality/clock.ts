/**
 * Device clock drift, judged when a reading arrives: its DataTime against the server's clock.
 *
 * Only a clock that runs ahead can be told from the data: no reading can come from the future, and for
 * period data (minute, hour, day) DataTime is the start of a period that must have ended before the upload,
 * so DataTime − received is a lower bound of the drift. A clock that runs behind cannot be told apart from
 * data delivered late on purpose — HJ 212 loggers resend what they buffered after an outage (补发), and HTTP
 * batches carry history — so it is not flagged. Beyond 5 minutes ahead a minute reading lands in another
 * minute's bucket and ahead readings can overwrite the slot a later upload needs; the platform answers a
 * device's 1013 with its time (1012), so a well-behaved logger stays far within that.
 * Readings more than a day ahead are not stored at all (time_out_of_range in src/ingest/validate.ts).
 */
export const CLOCK_AHEAD_TOLERANCE_S = 300;

/** Seconds the device clock is (at least) ahead, when beyond the tolerance; else null. */
export function clockAhead(dataTimeMs: number, receivedMs: number): number | null {
  const ahead = Math.round((dataTimeMs - receivedMs) / 1000);
  return ahead > CLOCK_AHEAD_TOLERANCE_S ? ahead : null;
}

/** The detail of a clock_drift event; parseClockDrift reads it back. */
export const clockDriftDetail = (aheadSeconds: number, dataTimeMs: number, receivedMs: number): string =>
  `ahead=${aheadSeconds}s DataTime=${new Date(dataTimeMs).toISOString()} server=${new Date(receivedMs).toISOString()}`;

export function parseClockDrift(detail: string | null): number | null {
  const m = /^ahead=(-?\d+)s\b/.exec(detail ?? '');
  return m ? Number(m[1]) : null;
}
