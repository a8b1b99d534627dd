import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

/** A bare SMTP client that shows replies exactly as they arrive: lines without CRLF. */
export class RawSmtp {
  private buffer = '';
  private constructor(private socket: Socket) {}
  static async open(port: number): Promise<RawSmtp> {
    const socket = netConnect(port, '127.0.0.1');
    await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    return new RawSmtp(socket).listen();
  }
  private listen(): this {
    this.socket.setEncoding('utf8').on('data', (d: string) => {
      this.buffer += d;
    });
    return this;
  }
  /** Next complete reply: its lines and the raw text including every CRLF. */
  async reply(): Promise<{ lines: string[]; raw: string }> {
    for (let i = 0; i < 100; i++) {
      const end = this.buffer.match(/(^|\r\n)\d{3} [^\r\n]*\r\n/);
      if (end?.index !== undefined) {
        const raw = this.buffer.slice(0, end.index + end[0].length);
        this.buffer = this.buffer.slice(raw.length);
        return { lines: raw.split('\r\n').slice(0, -1), raw };
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no complete SMTP reply; got ${JSON.stringify(this.buffer)}`);
  }
  async command(line: string) {
    this.socket.write(`${line}\r\n`);
    return this.reply();
  }
  async startTls(ca: string): Promise<void> {
    this.socket.removeAllListeners('data');
    this.socket = tlsConnect({ socket: this.socket, ca, servername: 'localhost' });
    await new Promise((resolve, reject) => this.socket.once('secureConnect', resolve).once('error', reject));
    this.listen();
  }
  close() {
    this.socket.destroy();
  }
}
