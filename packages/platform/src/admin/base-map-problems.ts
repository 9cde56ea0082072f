/**
 * A city admin's base map setting refused (400 VALIDATION_FAILED), said in English and, as
 * `detailZh`, in zh-CN: a tile URL that is no http(s) `{z}/{x}/{y}` template, a coordinate system
 * or zoom out of range, or a tile server the console's CSP would block.
 */
import type { FastifyError } from 'fastify';
import { type FieldError, validationFailed, withProblemExtensions } from '../errors.js';

/** A schema validation's failure (request.validationError), or a tile server the CSP does not list. */
type Refusal =
  | { validation?: FastifyError['validation']; validationContext?: string }
  | { unlistedOrigin: string };

const fieldZh: Record<string, string> = {
  'baseMap.tiles':
    '瓦片地址须为 http 或 https 地址，并含 {z}、{x}、{y}（如 https://t0.tianditu.gov.cn/{z}/{x}/{y}.png）',
  'baseMap.coordinates': '坐标系须为 WGS-84（wgs84）或 GCJ-02（gcj02）',
  'baseMap.maxZoom': '最大缩放级别须为 1 至 22 的整数',
  'baseMap.attribution': '版权说明不得超过 300 字',
  'baseMap.kind': '底图须为瓦片服务（tiles）或系统自带底图（own）',
};

export function baseMapProblem(refusal: Refusal): FastifyError {
  if ('unlistedOrigin' in refusal) {
    const path = 'baseMap.tiles';
    const message = `the tile server ${refusal.unlistedOrigin} is not among the image sources the console may load (CSP_IMG_SOURCES): browsers would refuse its tiles; ask the operators to add it`;
    return withProblemExtensions(validationFailed(message, [{ in: 'body', path, message }]), {
      errors: [{ in: 'body', path, message }],
      detailZh: `瓦片服务 ${refusal.unlistedOrigin} 不在系统允许加载图片的来源（CSP_IMG_SOURCES）之中，浏览器会拒绝其瓦片；请联系运维人员添加`,
    });
  }
  const where = refusal.validationContext ?? 'body';
  const errors: FieldError[] = (refusal.validation ?? []).map((issue) => ({
    in: where,
    path: issue.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.'),
    message: issue.message ?? 'invalid',
  }));
  const paths = errors.map((e) => e.path);
  const zh = [...new Set(paths.map((path) => fieldZh[path] ?? '底图设置有误'))];
  const detail = `invalid base map: ${errors.map((e) => `${e.path || e.in}: ${e.message}`).join('; ')}`;
  return withProblemExtensions(validationFailed(detail, errors), { errors, detailZh: zh.join('；') });
}
