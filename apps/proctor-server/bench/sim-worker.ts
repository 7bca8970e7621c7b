import { asAckEmitter, callSocket } from '@skillexam/shared';
import { between, createRandom } from '../faults/support/prng';
import { SimCandidate } from '../faults/support/sim-candidate';

/*
 * One simulator process of the benchmark: drives a slice of the candidates with the real
 * socket.io-client, so the simulated load is spread over several processes.
 * Protocol (IPC): init → connected, run → running, reset → reset, stop → done (with results).
 */

type Command =
  | {
      type: 'init';
      url: string;
      confirm: boolean;
      autosaveS: number;
      seed: number;
      candidates: { attemptId: string; token: string }[];
      /** The site CA when the server runs HTTPS/WSS. */
      ca?: string;
    }
  | { type: 'run' }
  | { type: 'reset' }
  | { type: 'stop' };

let droppedEmits = 0;
const countDropped = (reason: unknown): void => {
  if (reason instanceof Error && reason.message.includes('disconnected')) droppedEmits += 1;
  else {
    process.stderr.write(`${String(reason)}\n`);
    process.exit(1);
  }
};
process.on('unhandledRejection', countDropped);
process.on('uncaughtException', countDropped);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const send = (message: unknown, then?: () => void): void => {
  process.send?.(message, undefined, {}, () => then?.());
};

let sims: SimCandidate[] = [];
let running = false;
let loops: Promise<void>[] = [];
let autosaveS = 5;
let random = createRandom(1);

async function confirmIdentity(sim: SimCandidate): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      if (!sim.socket.connected)
        await new Promise((r) => sim.socket.once('connect', () => r(undefined)));
      const reply = await callSocket(
        asAckEmitter(sim.socket),
        'attempt:confirm-identity',
        {},
        20_000,
      );
      if (reply.ok || reply.error.code === 'CONFLICT') return;
    } catch {
      await sleep(500);
    }
  }
}

process.on('message', (raw) => {
  const command = raw as Command;
  void (async () => {
    switch (command.type) {
      case 'init': {
        autosaveS = command.autosaveS;
        random = createRandom(command.seed);
        sims = command.candidates.map(
          (c, i) =>
            new SimCandidate(
              command.url,
              c.token,
              c.attemptId,
              createRandom(command.seed * 7919 + i),
              { duplicate: 0, reorder: 0 },
              10_000,
              command.ca === undefined ? {} : { ca: [command.ca] },
            ),
        );
        for (let i = 0; i < sims.length; i += 100) {
          await Promise.all(
            sims
              .slice(i, i + 100)
              .map((s) =>
                s.socket.connected
                  ? undefined
                  : new Promise((r) => s.socket.once('connect', () => r(undefined))),
              ),
          );
        }
        if (command.confirm) {
          for (let i = 0; i < sims.length; i += 200)
            await Promise.all(sims.slice(i, i + 200).map((s) => confirmIdentity(s)));
        }
        send({ type: 'connected' });
        break;
      }
      case 'run':
        running = true;
        loops = sims.map(async (sim) => {
          await sleep(random() * autosaveS * 1000);
          while (running) {
            sim.answer();
            if (random() < 0.002) sim.dropConnection();
            await sleep(between(random, 0.5, 1.5) * autosaveS * 1000);
          }
        });
        send({ type: 'running' });
        break;
      case 'reset':
        for (const sim of sims) sim.ackLatencies.length = 0;
        send({ type: 'reset' });
        break;
      case 'stop': {
        const latencies = sims.flatMap((s) => s.ackLatencies);
        running = false;
        await Promise.all(loops);
        const drainUntil = Date.now() + 30_000;
        while (Date.now() < drainUntil && sims.some((s) => s.maxAcked < s.journal.length)) {
          for (const sim of sims) void sim.pump();
          await sleep(250);
        }
        for (const sim of sims) sim.close();
        // exit only once the (large) result message has left, or it could be lost
        send(
          {
            type: 'done',
            latencies,
            droppedEmits,
            acked: sims.map((s) => ({
              attemptId: s.attemptId,
              maxAcked: s.maxAcked,
              journal: s.journal.length,
            })),
          },
          () => process.exit(0),
        );
        break;
      }
    }
  })();
});
