// Watches a folder, with inotify from Python (ctypes: nothing to install, and each event is checked
// within microseconds — a Node watcher is too slow to see a window of a few syscalls): after every
// event, the file it names is read, and if it holds `secret` while others may read it, that is reported.
// Used to prove a file holding a password never exists with such a mode, not even for a moment.
import { spawn, type ChildProcess } from 'node:child_process';

const watcher = `
import ctypes, os, struct, sys
libc = ctypes.CDLL(None, use_errno=True)
folder, secret = sys.argv[1], sys.stdin.buffer.read().rstrip(b'\\n')
fd = libc.inotify_init()
# IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE
if fd < 0 or libc.inotify_add_watch(fd, folder.encode(), 0x2 | 0x4 | 0x8 | 0x80 | 0x100) < 0:
    sys.exit('inotify: errno %d' % ctypes.get_errno())
print('ready', flush=True)
while True:
    buf = os.read(fd, 65536)
    i = 0
    while i < len(buf):
        wd, mask, cookie, size = struct.unpack_from('iIII', buf, i)
        name = buf[i + 16:i + 16 + size].rstrip(b'\\0').decode()
        i += 16 + size
        path = os.path.join(folder, name)
        try:
            st = os.lstat(path)
            with open(path, 'rb') as f:
                data = f.read()
        except OSError:
            continue
        if st.st_mode & 0o077 and secret in data:
            print('%s %o' % (name, st.st_mode & 0o7777), flush=True)
`;

export interface ModeWatch {
  /** Stops watching; resolves with every "NAME MODE" seen holding the secret with a mode others can read. */
  stop(): Promise<string[]>;
}

export async function watchModes(folder: string, secret: string): Promise<ModeWatch> {
  // The secret on stdin: never on a command line, where the tests' own /proc scan would rightly find it.
  const child: ChildProcess = spawn('python3', ['-c', watcher, folder], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin?.end(`${secret}\n`);
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.startsWith('ready\n')) resolve();
    });
    child.on('close', (code) => reject(new Error(`mode watcher exited ${code}: ${err}`)));
  });
  return {
    stop: async () => {
      const closed = new Promise((r) => child.on('close', r));
      child.kill('SIGTERM');
      await closed;
      return out
        .split('\n')
        .slice(1)
        .filter((l) => l !== '');
    },
  };
}
