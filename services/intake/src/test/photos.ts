import sharp from 'sharp';

export interface PhotoOptions {
  /** EXIF DateTimeOriginal as 'YYYY:MM:DD HH:MM:SS' (camera local time). */
  takenAt?: string;
  gps?: { lat: number; lng: number };
  /** Makes otherwise equal photos differ. */
  colour?: string;
}

const dms = (value: number) => {
  const abs = Math.abs(value);
  const degrees = Math.floor(abs);
  const minutesFloat = (abs - degrees) * 60;
  const minutes = Math.floor(minutesFloat);
  const seconds = Math.round((minutesFloat - minutes) * 60 * 1000);
  return `${degrees}/1 ${minutes}/1 ${seconds}/1000`;
};

/** A small JPEG with the EXIF a phone camera writes. */
export async function jpegPhoto(options: PhotoOptions = {}): Promise<Buffer> {
  const exif: Record<string, Record<string, string>> = { IFD0: { Make: 'urbangrid-test' } };
  if (options.takenAt) exif.IFD2 = { DateTimeOriginal: options.takenAt };
  if (options.gps) {
    exif.IFD3 = {
      GPSLatitudeRef: options.gps.lat >= 0 ? 'N' : 'S',
      GPSLatitude: dms(options.gps.lat),
      GPSLongitudeRef: options.gps.lng >= 0 ? 'E' : 'W',
      GPSLongitude: dms(options.gps.lng),
    };
  }
  return sharp({ create: { width: 16, height: 16, channels: 3, background: options.colour ?? '#3a7' } })
    .jpeg()
    .withExif(exif)
    .toBuffer();
}

export async function pngPhoto(colour = '#a73'): Promise<Buffer> {
  return sharp({ create: { width: 16, height: 16, channels: 3, background: colour } })
    .png()
    .toBuffer();
}

export async function webpPhoto(colour = '#37a'): Promise<Buffer> {
  return sharp({ create: { width: 16, height: 16, channels: 3, background: colour } })
    .webp()
    .toBuffer();
}

/** A multipart/form-data body with one file part (and text fields before it), for `app.inject`. */
export function multipartBody(
  bytes: Buffer,
  filename: string,
  contentType: string,
  options: { fields?: Record<string, string>; fileField?: string } = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----urbangrid${Math.random().toString(16).slice(2)}`;
  const fields = Object.entries(options.fields ?? {}).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const head = Buffer.from(
    `${fields.join('')}--${boundary}\r\nContent-Disposition: form-data; name="${options.fileField ?? 'file'}"; ` +
      `filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
