/** The local calendar date of an instant: one rule, in @urbangrid/domain. */
export { localDay } from '@urbangrid/domain';
