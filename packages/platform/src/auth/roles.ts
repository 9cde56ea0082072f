/** The roles of api.md, owned by packages/domain's lifecycle table; re-exported for routes. */
export { isRole, type Role, roles } from '@urbangrid/domain';
