import { crc32 } from 'node:zlib';

/**
 * Decides what an uploaded file really is from its bytes, not its name or Content-Type: a
 * photo is accepted only when it is a whole JPEG or PNG. The checks walk the format's
 * structure far enough to refuse the usual disguises: HTML or SVG (with script) sent as
 * image/png, a ZIP or an executable renamed .jpg, and files cut short in transit.
 */
export type ImageType = 'image/jpeg' | 'image/png';

export function detectImage(bytes: Uint8Array): ImageType | undefined {
  if (isJpeg(bytes)) return 'image/jpeg';
  if (isPng(bytes)) return 'image/png';
  return undefined;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A PNG: the signature, an IHDR first with a real size, every chunk whole with a good CRC, and IEND. */
function isPng(bytes: Uint8Array): boolean {
  if (bytes.length < 57 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 8;
  let first = true;
  while (offset + 12 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const end = offset + 12 + length;
    if (length > 0x7fffffff || end > bytes.length) return false; // cut short
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== view.getUint32(offset + 8 + length)) return false;
    if (first) {
      if (type !== 'IHDR' || length !== 13 || view.getUint32(offset + 8) === 0 || view.getUint32(offset + 12) === 0) return false;
      first = false;
    }
    if (type === 'IEND') return true;
    offset = end;
  }
  return false;
}

/**
 * A JPEG: SOI, then marker segments whose lengths stay inside the file, a frame header (SOF)
 * with a real size, a scan (SOS), and the end-of-image marker after it. Scan data is not
 * decoded; bytes after EOI (some cameras pad) are ignored.
 */
function isJpeg(bytes: Uint8Array): boolean {
  if (bytes.length < 128 || bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff) return false;
  let offset = 2;
  let frame = false;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return false;
    let marker = bytes[offset + 1]!;
    while (marker === 0xff && offset + 2 < bytes.length) marker = bytes[++offset + 1]!; // fill bytes
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2; // standalone markers
      continue;
    }
    if (marker === 0xd8 || marker === 0xd9) return false; // a second SOI, or EOI before any scan
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    if (length < 2 || offset + 2 + length > bytes.length) return false; // cut short
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (length < 8) return false;
      const height = (bytes[offset + 5]! << 8) | bytes[offset + 6]!;
      const width = (bytes[offset + 7]! << 8) | bytes[offset + 8]!;
      if (height === 0 || width === 0) return false;
      frame = true;
    }
    if (marker === 0xda) return frame && hasEndOfImage(bytes, offset + 2 + length);
    offset += 2 + length;
  }
  return false;
}

/** EOI (FF D9) somewhere after the scan starts: a JPEG cut short in transit has none. */
function hasEndOfImage(bytes: Uint8Array, from: number): boolean {
  for (let i = bytes.length - 2; i >= from; i--) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return true;
  }
  return false;
}
