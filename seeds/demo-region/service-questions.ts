import type { ServiceQuestion } from '@urbangrid/domain';

/**
 * The demo's questions (追问) of a few categories, asked in every city (Open311 service definition
 * attributes): which cover a missing or broken manhole cover is, and how thick a dead or fallen
 * street tree's trunk is (the crew brings the saw or the crane for it).
 */
export interface DemoServiceQuestions {
  version: string;
  categoryCode: string;
  questions: ServiceQuestion[];
}

const manholeType: ServiceQuestion = {
  code: 'cover_type',
  variable: true,
  datatype: 'singlevaluelist',
  required: true,
  description: '井盖类型',
  descriptionEn: 'Type of manhole cover',
  datatypeDescription: null,
  order: 1,
  values: [
    { key: 'missing', name: '缺失', nameEn: 'Missing' },
    { key: 'broken', name: '破损', nameEn: 'Broken' },
    { key: 'displaced', name: '移位', nameEn: 'Displaced' },
    { key: 'uneven', name: '高于或低于路面', nameEn: 'Above or below the road' },
  ],
};

const trunkDiameter: ServiceQuestion = {
  code: 'trunk_diameter',
  variable: true,
  datatype: 'number',
  required: true,
  description: '树干直径',
  descriptionEn: 'Trunk diameter',
  datatypeDescription: '厘米 (cm)',
  order: 1,
  values: [],
};

const blocking: ServiceQuestion = {
  code: 'blocking',
  variable: true,
  datatype: 'singlevaluelist',
  required: false,
  description: '是否影响通行',
  descriptionEn: 'Does it block the way?',
  datatypeDescription: null,
  order: 2,
  values: [
    { key: 'yes', name: '是', nameEn: 'Yes' },
    { key: 'no', name: '否', nameEn: 'No' },
  ],
};

export const demoServiceQuestions: DemoServiceQuestions[] = [
  { version: 'v2013', categoryCode: 'C0101', questions: [manholeType] },
  { version: 'v2013', categoryCode: 'C0102', questions: [manholeType] },
  { version: 'v2013', categoryCode: 'C0402', questions: [trunkDiameter, blocking] },
  { version: 'v2026', categoryCode: 'C01001', questions: [manholeType] },
];
