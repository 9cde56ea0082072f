/**
 * 简体中文: the console's default language and the shape every other language must match, put
 * together from one module an area of the console (each language's modules mirror these).
 */

import admin from './admin';
import app from './app';
import boards from './boards';
import caseDetail from './case-detail';
import cases from './cases';
import intake from './intake';
import notices from './notices';
import region from './region';
import supervision from './supervision';

const zhCN = {
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

export type ConsoleMessages = typeof zhCN;
export default zhCN;
