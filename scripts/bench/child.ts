import { spawn } from 'node:child_process';

/**
 * The value of the last non-empty line of `stdout`, parsed as JSON. Throws SyntaxError when
 * there is no such line or it is not JSON.
 */
export function parseLastJsonLine(stdout: string): unknown {
  const line = stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .at(-1);
  if (line === undefined) throw new SyntaxError('the output has no lines');
  return JSON.parse(line);
}

/**
 * Runs this same script (same node, same loader flags: `process.execArgv`) with `args` in a
 * child process whose stderr passes through; resolves with its stdout's last JSON line.
 * Rejects when the child exits non-zero or prints no JSON.
 */
export function runSelf(script: string, args: string[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, script, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code !== 0) {
        reject(new Error(`${script} ${args.join(' ')} ended with ${signal ?? `exit code ${code}`}`));
        return;
      }
      try {
        resolve(parseLastJsonLine(stdout));
      } catch (error) {
        reject(new Error(`${script} ${args.join(' ')} printed no JSON result: ${(error as Error).message}`));
      }
    });
  });
}
