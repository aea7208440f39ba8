/**
 * Sets the modification time of every zip entry (local and central headers) to `date` in China time.
 * exceljs writes the clock there; a fixed date makes a workbook's bytes a function of its content, so exports
 * and shipped templates are reproducible.
 */
export function stampZip(buf: Buffer, date: Date): Buffer {
  const c = new Date(date.getTime() + 8 * 3600_000);
  const time = (c.getUTCHours() << 11) | (c.getUTCMinutes() << 5) | (c.getUTCSeconds() >> 1);
  const day = ((Math.max(1980, c.getUTCFullYear()) - 1980) << 9) | ((c.getUTCMonth() + 1) << 5) | c.getUTCDate();
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) return buf;
  let p = buf.readUInt32LE(end + 16);
  for (let n = buf.readUInt16LE(end + 10); n > 0 && buf.readUInt32LE(p) === 0x02014b50; n--) {
    buf.writeUInt16LE(time, p + 12);
    buf.writeUInt16LE(day, p + 14);
    const local = buf.readUInt32LE(p + 42);
    if (buf.readUInt32LE(local) === 0x04034b50) {
      buf.writeUInt16LE(time, local + 10);
      buf.writeUInt16LE(day, local + 12);
    }
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}
