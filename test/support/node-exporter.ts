// Debian's real prometheus-node-exporter (test/install-deps.sh installs it), started on loopback with
// only its textfile collector, reading a directory of the test's own: what a Prometheus server scrapes.
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './free-port.js';

export interface NodeExporter {
  port: number;
  /** GET /metrics, as Prometheus scrapes it. */
  scrape(): Promise<string>;
  stop(): Promise<void>;
}

export const nodeExporterBinary = '/usr/bin/prometheus-node-exporter';

export async function startNodeExporter(textfileDir: string): Promise<NodeExporter> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    nodeExporterBinary,
    [
      `--web.listen-address=127.0.0.1:${port}`,
      '--collector.disable-defaults',
      '--collector.textfile',
      `--collector.textfile.directory=${textfileDir}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const scrape = async () => {
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    if (!response.ok) throw new Error(`node_exporter answered ${response.status}`);
    return response.text();
  };
  // Ready when it answers a scrape (it logs "Listening on" first, but answering is what counts).
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`node_exporter exited ${child.exitCode}: ${stderr}`);
    try {
      await scrape();
      break;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`node_exporter did not answer on ${port}: ${error}\n${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    port,
    scrape,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
