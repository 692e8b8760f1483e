import type { CollectProgress } from '@havenkit/collect';

/** Shows collection progress on stderr: a spinner only when stderr is a TTY, nothing otherwise. */
export interface ProgressReporter {
  readonly onProgress: (progress: CollectProgress) => void;
  /** Clears the spinner line; call before printing anything else. */
  stop(): void;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export function progressReporter(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  // Probe messages name what was created and removed in the cluster: always worth a line.
  const note = (progress: CollectProgress): void => {
    if (progress.phase === 'probes') stream.write(`havenkit: ${progress.message}\n`);
  };
  if (!stream.isTTY) return { onProgress: note, stop: () => undefined };
  let text = 'connecting';
  let frame = 0;
  const draw = (): void => {
    frame = (frame + 1) % FRAMES.length;
    // Never wider than the terminal: a wrapped line could not be overwritten.
    const width = Math.max(20, (stream.columns || 80) - 3);
    stream.write(`\r\u001b[2K${FRAMES[frame]} ${text.slice(0, width)}`);
  };
  const timer = setInterval(draw, 80);
  timer.unref();
  return {
    onProgress: (progress) => {
      if (progress.phase === 'probes') {
        stream.write('\r\u001b[2K');
        note(progress);
      }
      const count = progress.total !== undefined ? ` (${progress.done ?? 0}/${progress.total})` : '';
      text = `${progress.message}${count}`;
      draw();
    },
    stop: () => {
      clearInterval(timer);
      stream.write('\r\u001b[2K');
    },
  };
}
