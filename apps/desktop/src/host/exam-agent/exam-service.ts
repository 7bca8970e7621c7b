import {
  CodedError,
  ErrorCodeSchema,
  type ExamAgentStatus,
  type HostEvent,
  type IpcInput,
  type IpcOutput,
  type KioskEventPayload,
} from '@skillexam/shared';
import { ExamAgent } from './exam-agent';
import { LoginError } from './server-api';

export interface ExamServiceOptions {
  readonly journalDir: string;
  /** Electron's kiosk is a secure client; the web shell is a practice client. */
  readonly clientKind: 'kiosk' | 'web';
  readonly publish: (event: HostEvent) => void;
}

/** The host's one exam at a time: the `exam:*` channels over the current ExamAgent. */
export class ExamService {
  private agent: ExamAgent | undefined;
  /** Detections made before any login, reported once an attempt exists. */
  private readonly early: { kind: KioskEventPayload['kind']; detail: string }[] = [];
  private readonly options: ExamServiceOptions;

  constructor(options: ExamServiceOptions) {
    this.options = options;
  }

  async login(input: IpcInput<'exam:login'>): Promise<ExamAgentStatus> {
    this.agent?.close();
    this.agent = undefined;
    try {
      this.agent = await ExamAgent.start(
        {
          serverUrl: input.serverUrl,
          journalDir: this.options.journalDir,
          clientKind: this.options.clientKind,
          onStatus: (status) => this.options.publish({ type: 'exam:status', status }),
        },
        input.admissionTicketNumber,
        input.examCode,
      );
    } catch (error) {
      if (error instanceof LoginError) {
        const code = ErrorCodeSchema.safeParse(error.code);
        throw new CodedError(code.success ? code.data : 'UNAVAILABLE', error.message);
      }
      throw error;
    }
    for (const event of this.early.splice(0)) this.agent.reportKioskEvent(event.kind, event.detail);
    return this.agent.status();
  }

  /** Called by Electron's main process with what the kiosk detected. */
  reportKioskEvent(kind: KioskEventPayload['kind'], detail: string): void {
    if (this.agent === undefined) this.early.push({ kind, detail });
    else this.agent.reportKioskEvent(kind, detail);
  }

  status(): ExamAgentStatus {
    return this.current().status();
  }

  async confirmIdentity(): Promise<ExamAgentStatus> {
    await this.current().confirmIdentity();
    return this.current().status();
  }

  async resume(): Promise<IpcOutput<'exam:resume'>> {
    const agent = this.current();
    const paper = await agent.paper();
    const position = agent.position();
    return {
      paper,
      answers: [...agent.answers()].map(([itemId, value]) => ({ itemId, value })),
      flagged: [...agent.flagged()],
      ...(position === undefined ? {} : { position }),
    };
  }

  answer(input: IpcInput<'exam:answer'>): { seq: number } {
    return { seq: this.current().answer(input.itemId, input.value) };
  }

  position(itemId: string): { done: true } {
    this.current().setPosition(itemId);
    return { done: true };
  }

  flag(itemId: string, flagged: boolean): { done: true } {
    this.current().setFlag(itemId, flagged);
    return { done: true };
  }

  async submit(): Promise<ExamAgentStatus> {
    await this.current().submit();
    return this.current().status();
  }

  close(): void {
    this.agent?.close();
    this.agent = undefined;
  }

  private current(): ExamAgent {
    if (this.agent === undefined)
      throw new CodedError('UNAUTHORIZED', '请先登录考试 (not logged in)');
    return this.agent;
  }
}
