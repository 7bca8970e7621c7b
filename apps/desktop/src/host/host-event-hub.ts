import type { HostEvent } from '@skillexam/shared';

/** Fans host events out to every connected renderer (Electron windows or web-shell sockets). */
export class HostEventHub {
  private readonly listeners = new Set<(event: HostEvent) => void>();

  publish = (event: HostEvent): void => {
    for (const listener of this.listeners) listener(event);
  };

  subscribe(listener: (event: HostEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
