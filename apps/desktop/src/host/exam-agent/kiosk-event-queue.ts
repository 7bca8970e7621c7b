import { type KioskEventPayload } from '@skillexam/shared';

/**
 * What the kiosk detected (focus lost, displays, VM, remote tools), queued for the proctors:
 * sent in order while connected; a failed send keeps the event for the next connect.
 */
export class KioskEventQueue {
  private readonly waiting: KioskEventPayload[] = [];

  constructor(
    private readonly send: (event: KioskEventPayload) => Promise<unknown>,
    private readonly connected: () => boolean,
  ) {}

  push(event: KioskEventPayload): void {
    this.waiting.push(event);
    void this.flush();
  }

  async flush(): Promise<void> {
    while (this.connected() && this.waiting.length > 0) {
      const next = this.waiting[0];
      if (next === undefined) return;
      try {
        await this.send(next);
      } catch {
        return; // kept; sent again on the next connect
      }
      this.waiting.shift();
    }
  }
}
