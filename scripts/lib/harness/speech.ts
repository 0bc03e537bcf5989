/**
 * Real voices for the browsers (espeak-ng through Speech Dispatcher, into a PulseAudio null sink), private
 * to a temporary folder: scripts/speech.sh does the work; this starts and stops it by that folder.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { ROOT } from './paths';

export const SPEECH_PACKAGES =
  'speech-dispatcher speech-dispatcher-espeak-ng espeak-ng pulseaudio pulseaudio-utils';
const SCRIPT = join(ROOT, 'scripts', 'speech.sh');
const ESPEAK_MODULE = '/usr/lib/speech-dispatcher-modules/sd_espeak-ng';

export interface Voices {
  /** What the browsers must get as XDG_RUNTIME_DIR (launch's `speech` option). */
  xdgRuntimeDir: string;
  /** Stops the daemons (by process id) and removes their folder; safe to call twice. */
  stop(): void;
}

const onPath = (tool: string): boolean =>
  (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, tool)));

/** The system packages that are missing (by the commands and module they install). */
export function missingSpeechTools(): string[] {
  const missing = ['speech-dispatcher', 'espeak-ng', 'pulseaudio', 'pactl'].filter((t) => !onPath(t));
  if (!existsSync(ESPEAK_MODULE)) missing.push(ESPEAK_MODULE);
  return missing;
}

/** Starts the daemons; throws, naming the apt-get command, when the packages are missing. */
export function startVoices(): Voices {
  const missing = missingSpeechTools();
  if (missing.length)
    throw new Error(
      `real voices need ${missing.join(', ')}. Install them with: apt-get update && ` +
        `DEBIAN_FRONTEND=noninteractive apt-get install -y ${SPEECH_PACKAGES}`,
    );
  const dir = mkdtempSync(join(tmpdir(), 'lectern-speech-'));
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    execFileSync('bash', [SCRIPT, 'stop', dir], { stdio: 'ignore' });
  };
  try {
    const out = execFileSync('bash', [SCRIPT, 'start', dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 30_000,
    });
    const xdgRuntimeDir = out.trim().split('\n').pop() ?? '';
    if (!xdgRuntimeDir) throw new Error('scripts/speech.sh start printed no XDG_RUNTIME_DIR');
    return { xdgRuntimeDir, stop };
  } catch (error) {
    stop();
    const stderr = (error as { stderr?: string }).stderr;
    throw new Error(`scripts/speech.sh start failed: ${stderr?.trim() || String(error)}`, {
      cause: error,
    });
  }
}
