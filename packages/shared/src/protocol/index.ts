export * from './ack';
export * from './answer';
export * from './ipc-contract';
export * from './ipc-dispatch';
export * from './socket-events';
export * from './exam-events';
export * from './sha256';
export * from './marking-events';
