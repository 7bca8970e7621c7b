import { parentPort } from 'node:worker_threads';
import { createProgress, toFailedAck } from '@skillexam/shared';
import { createHighsSolver, openBank, type MipSolver } from '@skillexam/item-bank';
import type { AssemblyRequest, AssemblyWorkerMessage } from './assembly-runner';
import { runAssemblyTask } from './assembly-task';

/*
 * A worker thread that assembles forms on its own (read-only) use of the bank file, so the
 * host's thread stays free to forward progress and take the cancel while HiGHS solves
 * (docs/decisions/0951-assembly-in-a-worker-thread.md). It stays up between assemblies (loading
 * item-bank and the solver takes seconds); a cancel terminates it, since assembling writes
 * nothing.
 */

let solver: Promise<MipSolver> | undefined;

async function assemble(port: NonNullable<typeof parentPort>, request: AssemblyRequest) {
  const post = (message: AssemblyWorkerMessage) => port.postMessage(message);
  const progress = createProgress((event) => post({ type: 'progress', event }));
  try {
    solver ??= createHighsSolver();
    const bank = openBank(request.bankPath);
    try {
      post({ type: 'done', outcome: runAssemblyTask(bank, request.task, progress, await solver) });
    } finally {
      bank.close();
    }
  } catch (error) {
    post({ type: 'failed', error: toFailedAck(error).error });
  }
}

const port = parentPort;
if (port !== null) {
  port.on('message', (request: AssemblyRequest) => void assemble(port, request));
}
