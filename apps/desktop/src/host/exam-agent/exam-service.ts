import {
  CodedError,
  type ExamAgentStatus,
  type HostEvent,
  type IpcInput,
  type IpcOutput,
  type KioskEnrollment,
  type KioskEventPayload,
} from '@skillexam/shared';
import { browseExamServers } from '../discovery/browse-servers';
import { loadKioskSettings, saveKioskSettings } from '../discovery/kiosk-settings';
import { ExamAgent } from './exam-agent';
import { LoginError } from './server-api';
import { sitePinOf } from './site-trust-loop';

export interface ExamServiceOptions {
  readonly journalDir: string;
  /** Electron's kiosk is a secure client; the web shell is a practice client. */
  readonly clientKind: 'kiosk' | 'web';
  readonly publish: (event: HostEvent) => void;
  /** The kiosk settings file (remembered server); absent: nothing is remembered. */
  readonly settingsFile?: string;
  /** SHA-256 of the bundled kiosk code, sent at login (Electron only). */
  readonly clientIntegrity?: string;
  /** This PC's enrollment.json (docs/decisions/0216); kiosk logins are signed with it. */
  readonly enrollment?: KioskEnrollment;
  /**
   * Why enrollment.json could not be used (e.g. an outdated format /1 file): a kiosk login is
   * then refused here with this message instead of reaching the server unsigned.
   */
  readonly enrollmentProblem?: string;
  /**
   * SHA-256 of the enrolled site's CA (docs/decisions/0232): logins and the exam socket go only
   * to a server with that certificate. Default: the enrollment's `serverCertFingerprint`.
   * Neither: no pinning (web practice client, development).
   */
  readonly expectedFingerprint?: string;
  /** How long `discoverServers` listens (tests shorten it). */
  readonly discoveryMs?: number;
  /** Verifies a proctor's exit password and leaves the kiosk (Electron main provides it). */
  readonly exit?: (
    input: IpcInput<'exam:exit'>,
    serverUrl: string | undefined,
    /** The logged-in candidate's token, sent with the exit-grant request (decision 0218). */
    candidateToken?: string,
  ) => Promise<void>;
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
    if (this.options.clientKind === 'kiosk' && this.options.enrollmentProblem !== undefined) {
      throw new CodedError('CLIENT_REJECTED', this.options.enrollmentProblem);
    }
    const pin = sitePinOf(this.options);
    try {
      this.agent = await ExamAgent.startOrResume(
        {
          serverUrl: input.serverUrl,
          journalDir: this.options.journalDir,
          clientKind: this.options.clientKind,
          ...(this.options.clientIntegrity === undefined
            ? {}
            : { clientIntegrity: this.options.clientIntegrity }),
          ...(this.options.enrollment === undefined ? {} : { enrollment: this.options.enrollment }),
          ...(pin === undefined ? {} : { expectedFingerprint: pin }),
          onStatus: (status) => this.options.publish({ type: 'exam:status', status }),
        },
        input.admissionTicketNumber,
        input.examCode,
      );
    } catch (error) {
      if (error instanceof LoginError) {
        // told to the proctors with the next successful login from this PC
        if (error.code === 'SERVER_CERT_MISMATCH')
          this.early.push({ kind: 'server_cert_mismatch', detail: `login: ${input.serverUrl}` });
        throw new CodedError(error.code, error.message);
      }
      throw error;
    }
    if (this.options.settingsFile !== undefined) {
      try {
        saveKioskSettings(this.options.settingsFile, { serverUrl: input.serverUrl });
      } catch {
        // remembering the server is a convenience; the login itself succeeded
      }
    }
    for (const event of this.early.splice(0)) this.agent.reportKioskEvent(event.kind, event.detail);
    return this.agent.status();
  }

  /** Proctor servers on the LAN, plus the one this PC used last. */
  async discoverServers(): Promise<IpcOutput<'exam:discover-servers'>> {
    const servers = await browseExamServers(this.options.discoveryMs);
    const remembered =
      this.options.settingsFile === undefined
        ? undefined
        : loadKioskSettings(this.options.settingsFile).serverUrl;
    return { servers, ...(remembered === undefined ? {} : { remembered }) };
  }

  async identity(): Promise<IpcOutput<'exam:identity'>> {
    return this.current().identity();
  }

  /** The proctor's exit prompt: only Electron's kiosk can be left this way. */
  async exit(input: IpcInput<'exam:exit'>): Promise<{ done: true }> {
    if (this.options.exit === undefined) {
      throw new CodedError('FORBIDDEN', '浏览器中的练习客户端无需退出密码，直接关闭页面即可');
    }
    const serverUrl =
      this.agent?.serverUrl ??
      (this.options.settingsFile === undefined
        ? undefined
        : loadKioskSettings(this.options.settingsFile).serverUrl);
    await this.options.exit(input, serverUrl, this.agent?.candidateToken);
    return { done: true };
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
    const { paper, assets } = await agent.paper();
    const position = agent.position();
    return {
      paper,
      assets,
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
