/**
 * The simulated devices of bench/ingest.bench.ts, in a child process: devices are other machines in real
 * life, so their encoding, CRCs and acknowledgement parsing should not take the listener's thread.
 * Says 'ready' once loaded, then takes the simulator options over IPC (start as an ISO string) and answers
 * with the result.
 */
import { simulate, type SimOptions } from '../src/ingest/simulate.ts';

process.once('message', async (o: SimOptions & { start: string }) => {
  process.send!(await simulate({ ...o, start: new Date(o.start) }), () => process.exit(0));
});
process.send!('ready');
