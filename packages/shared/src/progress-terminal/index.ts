export {
  createTerminalProgress,
  describeCounts,
  phaseTitle,
  type ProgressStream,
  type TerminalProgress,
  type TerminalProgressOptions,
} from './terminal-progress';
