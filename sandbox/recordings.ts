/** A small valid WAV file (8 kHz, 16-bit mono, a quiet tone) standing in for a call recording. */
export function recordingWav(seconds = 1, frequencyHz = 440): Uint8Array {
  const rate = 8000;
  const samples = Math.max(1, Math.round(rate * Math.min(seconds, 10)));
  const data = samples * 2;
  const buf = Buffer.alloc(44 + data);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + data, 4);
  buf.write('WAVE', 8, 'ascii');
  buf.write('fmt ', 12, 'ascii');
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20);
  buf.writeUInt16LE(1, 22);
  buf.writeUInt32LE(rate, 24);
  buf.writeUInt32LE(rate * 2, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(data, 40);
  for (let i = 0; i < samples; i++) buf.writeInt16LE(Math.round(3000 * Math.sin((2 * Math.PI * frequencyHz * i) / rate)), 44 + i * 2);
  return new Uint8Array(buf);
}
