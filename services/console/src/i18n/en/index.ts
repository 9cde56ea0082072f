/** English: the switch for staff who prefer it; same keys as zh-CN, area by area. */
import type { ConsoleMessages } from '../zh-CN';
import admin from './admin';
import app from './app';
import boards from './boards';
import caseDetail from './case-detail';
import cases from './cases';
import intake from './intake';
import notices from './notices';
import region from './region';
import supervision from './supervision';

const en: ConsoleMessages = {
  ...app,
  ...cases,
  ...boards,
  ...intake,
  ...supervision,
  ...region,
  ...notices,
  ...caseDetail,
  ...admin,
};

export default en;
