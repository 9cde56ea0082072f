import fastifyMultipart from '@fastify/multipart';
import { cityCodeString } from '@urbangrid/domain';
import { actorOf, httpError, type ServicePlugin, staffOnly } from '@urbangrid/platform';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { photoCity, photoUploaders } from '../intake-access.js';
import type { IntakeContext } from '../intake-context.js';
import { openPhoto, storePhoto } from './media-service.js';

const mediaView = z.object({
  id: z.string(),
  sha256: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  takenAt: z.string().nullable(),
  gps: z.object({ lat: z.number(), lng: z.number() }).nullable(),
});

/**
 * The bytes of the request's one file part. Reading fails either with @fastify/multipart's own
 * errors, which carry their status (413 for a limit, 415 for a body that is not multipart), or
 * with busboy's parse errors, which carry none and meant a 500: a body cut short, a part header
 * without its end, a boundary that never comes. Those are the client's malformed body (400).
 */
async function receivePhoto(request: FastifyRequest): Promise<Buffer> {
  try {
    const file = await request.file();
    if (!file) throw httpError('VALIDATION_FAILED', 'file: a multipart part with the photo is required');
    return await file.toBuffer();
  } catch (error) {
    if (error instanceof Error && 'statusCode' in error) throw error;
    throw httpError('VALIDATION_FAILED', 'the multipart body is malformed');
  }
}

/** `POST /media` (one photo, multipart) and `GET /media/:id` (its bytes). */
export function mediaRoutes(ctx: IntakeContext): ServicePlugin {
  return async (app) => {
    await app.register(fastifyMultipart, {
      limits: { fileSize: ctx.settings.media.maxBytes, files: 1, fields: 4, parts: 5, fieldSize: 1024 },
      // Too large is an error, not a silently cut photo.
      throwFileSizeLimit: true,
    });

    app.post(
      '/media',
      {
        config: { access: photoUploaders },
        schema: {
          tags: ['intake'],
          summary: 'Upload one photo (multipart/form-data, any field name): JPEG, PNG or WebP by content',
          description:
            'The type is read from the bytes; anything else answers 415. The same photo uploaded twice ' +
            'returns the same id. EXIF time and GPS are kept and checked against reports that use the photo.',
          consumes: ['multipart/form-data'],
          querystring: z.object({
            city: cityCodeString
              .optional()
              .describe(
                "Region-level staff (an inspector) name the city the photo is evidence in; others' is their own",
              ),
          }),
          response: { 201: mediaView },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const city = photoCity(actor, request.query.city);
        if (!(await ctx.reference.cities()).some((known) => known.code === city))
          throw httpError('NOT_FOUND', `city ${city} does not exist`);
        const bytes = await receivePhoto(request);
        const photo = await storePhoto(ctx, {
          city,
          bytes,
          uploadedBy: actor.kind === 'user' ? actor.username : actor.name,
        });
        return reply.code(201).send({
          id: photo.id,
          sha256: photo.sha256,
          contentType: photo.contentType,
          size: photo.size,
          takenAt: photo.takenAt?.toISOString() ?? null,
          gps:
            photo.gpsLat === null || photo.gpsLng === null ? null : { lat: photo.gpsLat, lng: photo.gpsLng },
        });
      },
    );

    app.get(
      '/media/:id',
      {
        // Staff only: a key uploads photos for its reports but reads no one's.
        config: { access: staffOnly },
        schema: {
          tags: ['intake'],
          summary:
            'The bytes of an uploaded photo, with its content type (before/after photos in the console)',
          params: z.object({ id: z.string().min(1).max(64) }),
          produces: ['image/jpeg', 'image/png', 'image/webp'],
        },
      },
      async (request, reply) => {
        const { photo, stream } = await openPhoto(ctx, actorOf(request).city, request.params.id);
        return reply
          .type(photo.contentType)
          .header('content-length', photo.size)
          .header('cache-control', 'private, max-age=86400, immutable')
          .header('x-content-type-options', 'nosniff')
          .send(stream);
      },
    );
  };
}
