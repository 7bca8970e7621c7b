export {
  createTerminalProgress,
  describeCounts,
  phaseTitle,
  type ProgressStream,
  type TerminalProgress,
  type TerminalProgressOptions,
} from './terminal-progress';
export {
  commandLocale,
  commandProgress,
  withCommandProgress,
  type CommandProgress,
  type CommandProgressOptions,
} from './command-progress';
