import { readPhotoReceipt, validate } from '@council-kit/contracts';
import type { HttpClient } from '@council-kit/core';
import { photosPath } from '../shared/endpoints.js';

/** Longest side after downsizing: plenty for a repairs officer, a fraction of a phone photo's bytes. */
const MAX_SIDE = 1600;

/**
 * Checks a photo the resident chose and downsizes it on a canvas. Returns the message key of
 * the problem (not a JPG or PNG; too large) or the image to upload. Re-encoding also drops the
 * photo's metadata, such as the GPS position a phone camera writes into it.
 */
export async function preparePhoto(file: File, maxBytes: number, maxSide = MAX_SIDE): Promise<Blob | 'errorPhotoType' | 'errorPhotoSize'> {
  if (!/^image\/(jpeg|png)$/.test(file.type) || !/\.(jpe?g|png)$/i.test(file.name)) return 'errorPhotoType';
  if (file.size > maxBytes) return 'errorPhotoSize';
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    // Named .jpg but not an image the browser can read.
    return 'errorPhotoType';
  }
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  // A PNG stays a PNG (screenshots, drawings); photos become JPEG, much smaller at this size.
  const type = file.type === 'image/png' ? 'image/png' : 'image/jpeg';
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('encode'))), type, 0.85));
}

/** `POST /repairs/photos` with the image bytes; returns the photo id to send with the report. */
export async function uploadPhoto(client: HttpClient, photo: Blob): Promise<string> {
  const receipt = await client.post(photosPath, photo, { read: (json) => validate(readPhotoReceipt, json), timeout: 20_000 });
  return receipt.photoId;
}
