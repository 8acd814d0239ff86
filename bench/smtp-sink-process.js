'use strict';
// The reminders benchmark's SMTP sink, in its own process (bench/reminders.bench.ts forks it), so
// accepting mail does not take CPU from the process being measured. It accepts every message
// (no TLS, no AUTH), discards the body and counts: messages, bytes, and distinct Message-IDs
// (a duplicate would show up as messages > unique). Talks to the parent over IPC:
//   parent → { cmd: 'count' }  → { type: 'count', received, unique, bytes, duplicates, noId }
//   parent → { cmd: 'reset' }  → { type: 'reset' }   (between the app run and the bare run)
//   on start                   → { type: 'listening', port }
const { SMTPServer } = require('smtp-server');

let received = 0;
let bytes = 0;
let duplicates = 0;
let noId = 0;
let ids = new Set();

/** The Message-ID in the header block of a message (headers end at the first empty line). */
function messageId(head) {
  const end = head.indexOf('\r\n\r\n');
  const headers = end >= 0 ? head.slice(0, end) : head;
  const match = /^message-id:[ \t]*(?:\r\n[ \t]+)?(<[^>\r\n]+>)/im.exec(headers);
  return match ? match[1] : null;
}

const server = new SMTPServer({
  disabledCommands: ['AUTH', 'STARTTLS'],
  authOptional: true,
  logger: false,
  disableReverseLookup: true,
  banner: 'mantelzorghub bench sink',
  size: 50 * 1024 * 1024,
  maxClients: 100,
  onData(stream, _session, callback) {
    let head = '';
    let size = 0;
    stream.on('data', (chunk) => {
      size += chunk.length;
      if (head.length < 16384) head += chunk.toString('latin1', 0, Math.min(chunk.length, 16384));
    });
    stream.on('end', () => {
      received++;
      bytes += size;
      const id = messageId(head);
      if (!id) noId++;
      else if (ids.has(id)) duplicates++;
      else ids.add(id);
      callback(null, 'queued');
    });
  },
});

// Nagle's algorithm on the sink's side would hold each reply back until the client's delayed ACK
// (~40 ms on Linux): about 65 messages/s over 3 connections whatever the sender does.
if (process.env.SINK_NAGLE !== '1')
  server.server.on('connection', (socket) => socket.setNoDelay(true));

server.on('error', (e) => {
  console.error('[sink]', e.message);
});

process.on('message', (msg) => {
  if (msg && msg.cmd === 'count') {
    process.send({ type: 'count', received, unique: ids.size, bytes, duplicates, noId });
  } else if (msg && msg.cmd === 'reset') {
    received = 0;
    bytes = 0;
    duplicates = 0;
    noId = 0;
    ids = new Set();
    process.send({ type: 'reset' });
  }
});
process.on('disconnect', () => server.close(() => process.exit(0)));
process.on('SIGTERM', () => server.close(() => process.exit(0)));

server.listen(Number(process.env.SINK_PORT || 0), '127.0.0.1', () => {
  process.send({ type: 'listening', port: server.server.address().port });
});
