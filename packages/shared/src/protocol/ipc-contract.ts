import { z } from 'zod';
import { CandidatePaperSchema } from '../domain/candidate-paper';
import { AnswerValueSchema } from './answer';
import { AttemptMessageSchema, AttemptViewSchema, CandidateIdentitySchema } from './exam-events';
import { SealedAssetSchema } from './sealed-paper';
import { bankChannels } from './bank-channels';
import { BankProgressEventSchema } from './progress-events';

/*
 * The bridge between the renderer and the desktop host, declared once.
 * Electron's preload and the web shell's client both implement `DesktopApi`;
 * Electron's main and the web shell's server both dispatch to the same host handlers.
 */

export const HostInfoSchema = z.object({
  product: z.string(),
  version: z.string(),
  /** Where the host runs: inside Electron's main process, or under plain Node (web shell). */
  runtime: z.enum(['electron', 'node']),
  /** Which window asked: the renderer shows the author workbench or the exam kiosk. */
  windowKind: z.enum(['author', 'kiosk']),
  nodeVersion: z.string(),
  platform: z.string(),
  pid: z.number().int(),
  startedAt: z.iso.datetime(),
});
export type HostInfo = z.infer<typeof HostInfoSchema>;

export const EchoInputSchema = z.object({ message: z.string().max(1000) }).strict();
export const EchoOutputSchema = z.object({ message: z.string(), receivedAt: z.iso.datetime() });

const NoInput = z.object({}).strict();
const Done = z.object({ done: z.literal(true) });

/** The exam agent's state as the kiosk shows it (save badge, countdown, proctor notices). */
export const ExamAgentStatusSchema = z.object({
  connection: z.enum(['connecting', 'online', 'offline']),
  /**
   * synced / local (not yet acked) / offline / held: the exam is paused, answers wait in the
   * journal until the resume / rejected: the server refused an answer for good (see
   * `saveRejection`; it stays in the journal and a proctor must look).
   */
  save: z.enum(['synced', 'local', 'offline', 'held', 'rejected']),
  pending: z.number().int().nonnegative(),
  /** Set while save is 'rejected': what the server refused and why. */
  saveRejection: z
    .object({ code: z.string(), message: z.string(), seq: z.number().int(), itemId: z.string() })
    .optional(),
  attempt: AttemptViewSchema,
  remainingMs: z.number().optional(),
  message: z.string().optional(),
  /** The paper on this PC: not yet downloaded, downloaded encrypted, or opened (key released). */
  content: z.enum(['none', 'sealed', 'open']).optional(),
  /** Messages from the proctors (`attempt:message`), oldest first, the last few only. */
  notices: z.array(AttemptMessageSchema).optional(),
});
export type ExamAgentStatus = z.infer<typeof ExamAgentStatusSchema>;

export const ExamLoginInputSchema = z
  .object({
    serverUrl: z.url({ protocol: /^https?$/ }),
    admissionTicketNumber: z.string().trim().min(1).max(32),
    examCode: z.string().trim().min(1).max(32),
  })
  .strict();

export const ExamResumeSchema = z.object({
  paper: CandidatePaperSchema,
  answers: z.array(z.object({ itemId: z.string(), value: AnswerValueSchema })),
  flagged: z.array(z.string()),
  position: z.string().optional(),
  /** Images the paper references, by asset hash, decrypted in memory (shown as data: URLs). */
  assets: z.record(z.string(), SealedAssetSchema).optional(),
});

/** A proctor server found on the LAN (`_skillexam._tcp`). */
export const DiscoveredServerSchema = z.object({
  name: z.string(),
  url: z.url({ protocol: /^https?$/ }),
  version: z.string().optional(),
  instanceId: z.string().optional(),
});
export type DiscoveredServer = z.infer<typeof DiscoveredServerSchema>;

/** The proctor's credentials typed into the hidden exit prompt of the kiosk. */
export const ExamExitInputSchema = z
  .object({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
  })
  .strict();

export const ipcContract = {
  /** The author workbench: one open .qbank file (bank-channels.ts). */
  ...bankChannels,
  'app:get-info': { input: NoInput, output: HostInfoSchema },
  'app:echo': { input: EchoInputSchema, output: EchoOutputSchema },
  /** A practice paper (no server, no secrets) to try the exam screen. */
  'exam:practice-paper': { input: NoInput, output: CandidatePaperSchema },
  /** 考生登录 against the proctor server; opens (or reopens) this attempt's journal. */
  'exam:login': { input: ExamLoginInputSchema, output: ExamAgentStatusSchema },
  'exam:status': { input: NoInput, output: ExamAgentStatusSchema },
  'exam:confirm-identity': { input: NoInput, output: ExamAgentStatusSchema },
  /** The released paper with every journaled answer, flag and the last question shown. */
  'exam:resume': { input: NoInput, output: ExamResumeSchema },
  'exam:answer': {
    input: z.object({ itemId: z.string().min(1).max(64), value: AnswerValueSchema }).strict(),
    output: z.object({ seq: z.number().int().positive() }),
  },
  'exam:position': {
    input: z.object({ itemId: z.string().min(1).max(64) }).strict(),
    output: Done,
  },
  'exam:flag': {
    input: z.object({ itemId: z.string().min(1).max(64), flagged: z.boolean() }).strict(),
    output: Done,
  },
  'exam:submit': { input: NoInput, output: ExamAgentStatusSchema },
  /** 身份核对: photo, name, masked ID, occupation, level, room and seat from the server. */
  'exam:identity': { input: NoInput, output: CandidateIdentitySchema },
  /** Browses the LAN for proctor servers for a few seconds; the remembered one comes first. */
  'exam:discover-servers': {
    input: NoInput,
    output: z.object({
      servers: z.array(DiscoveredServerSchema),
      remembered: z.string().optional(),
    }),
  },
  /** Leaves the kiosk after a proctor's password was verified (Electron only). */
  'exam:exit': { input: ExamExitInputSchema, output: Done },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

/** Pushed from the host to the renderer (Electron: webContents.send; web shell: WebSocket). */
export const HostEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('exam:status'), status: ExamAgentStatusSchema }),
  /** Electron's main saw the hidden exit combination: the kiosk shows the proctor prompt. */
  z.object({ type: z.literal('kiosk:exit-requested') }),
  /** Progress of a long bank operation the author window started (progress-events.ts). */
  BankProgressEventSchema,
]);
export type HostEvent = z.infer<typeof HostEventSchema>;

export type IpcChannel = keyof typeof ipcContract;
export type IpcInput<K extends IpcChannel> = z.input<(typeof ipcContract)[K]['input']>;
export type IpcOutput<K extends IpcChannel> = z.output<(typeof ipcContract)[K]['output']>;

/** Who is calling: set by the transport (Electron window or web shell), never by the page. */
export interface CallContext {
  readonly windowKind: WindowKind;
}

/** What the host implements: one async function per channel. */
export type IpcInvokeMap = {
  [K in IpcChannel]: (input: IpcInput<K>, context: CallContext) => Promise<IpcOutput<K>>;
};

/** The one object the renderer sees as `window.desktop`. */
export interface DesktopApi {
  readonly transport: 'electron-ipc' | 'web-socket';
  invoke<K extends IpcChannel>(channel: K, input: IpcInput<K>): Promise<IpcOutput<K>>;
  /** Host pushes (exam status, bank progress); returns the unsubscribe function. */
  subscribe(listener: (event: HostEvent) => void): () => void;
}

/**
 * Which window may call which channels: least privilege per window
 * (docs/architecture.md#the-desktop-bridge-windowdesktop).
 */
export type WindowKind = 'author' | 'kiosk';

const CHANNEL_PREFIXES: Record<WindowKind, readonly string[]> = {
  author: ['app:', 'bank:'],
  kiosk: ['app:', 'exam:'],
};

export function isIpcChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && Object.hasOwn(ipcContract, value);
}

export function isChannelAllowed(kind: WindowKind, channel: string): boolean {
  return isIpcChannel(channel) && CHANNEL_PREFIXES[kind].some((p) => channel.startsWith(p));
}
