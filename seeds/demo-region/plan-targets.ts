import type { RegionIndicator } from '@urbangrid/domain';

/**
 * The quantitative targets of the Inner Mongolia Autonomous Region's urban fine-management action
 * plan 2018–2020 (内政办发〔2018〕60号), to be reached by 2020, and its yes/no tasks. A target that
 * differs by city class is one indicator per class (机械化清扫率 70 % in the five larger cities, 60 %
 * in the other prefecture-level ones). Loaded through the admin's addRegionTargets.
 */

export const actionPlan2018 = '内政办发〔2018〕60号';

/** The five cities the plan holds to the higher mechanised-sweeping rate. */
const largerCities = ['1501', '1502', '1506', '1504', '1503'];
/** The plan's pilot city of household-waste sorting (生活垃圾分类试点). */
const wastePilots = ['1501'];

type Target = Omit<RegionIndicator, 'plan' | 'targets'> & { by2020: number };

const targets: Target[] = [
  {
    code: 'GREEN_SPACE_RATE',
    name: '建成区绿地率',
    nameEn: 'Green space ratio of the built-up area',
    unit: '%',
    direction: 'atLeast',
    appliesTo: {},
    by2020: 35,
  },
  {
    code: 'PARK_GREEN_PER_CAPITA',
    name: '人均公园绿地面积',
    nameEn: 'Park green space per capita',
    unit: 'm²/人',
    direction: 'atLeast',
    appliesTo: {},
    by2020: 21,
  },
  {
    code: 'MECHANISED_SWEEPING_LARGE',
    name: '机械化清扫率（呼和浩特、包头、鄂尔多斯、赤峰、乌海）',
    nameEn: 'Mechanised road sweeping rate (the five larger cities)',
    unit: '%',
    direction: 'atLeast',
    appliesTo: { cities: largerCities },
    by2020: 70,
  },
  {
    code: 'MECHANISED_SWEEPING',
    name: '机械化清扫率（其他地级城市）',
    nameEn: 'Mechanised road sweeping rate (other prefecture-level cities)',
    unit: '%',
    direction: 'atLeast',
    appliesTo: { classes: ['prefecture'], exceptCities: largerCities },
    by2020: 60,
  },
  {
    code: 'ROAD_CLEANLINESS',
    name: '道路整洁优良率',
    nameEn: 'Roads rated clean and good',
    unit: '%',
    direction: 'atLeast',
    appliesTo: {},
    by2020: 90,
  },
  {
    code: 'WATER_LEAKAGE',
    name: '供水管网漏损率',
    nameEn: 'Water supply network leakage rate',
    unit: '%',
    direction: 'atMost',
    appliesTo: {},
    by2020: 10,
  },
  {
    code: 'RECLAIMED_WATER',
    name: '再生水利用率',
    nameEn: 'Reclaimed water utilisation rate',
    unit: '%',
    direction: 'atLeast',
    appliesTo: {},
    by2020: 20,
  },
  {
    code: 'SEWAGE_TREATMENT',
    name: '城市污水处理率',
    nameEn: 'Urban sewage treatment rate',
    unit: '%',
    direction: 'atLeast',
    appliesTo: { classes: ['prefecture'] },
    by2020: 95,
  },
  {
    code: 'SEWAGE_TREATMENT_COUNTY',
    name: '城市污水处理率（县级城市）',
    nameEn: 'Urban sewage treatment rate (county-level cities)',
    unit: '%',
    direction: 'atLeast',
    appliesTo: { classes: ['county-level'] },
    by2020: 85,
  },
  {
    code: 'SLUDGE_TREATMENT',
    name: '污泥无害化处理率',
    nameEn: 'Sludge safely disposed',
    unit: '%',
    direction: 'atLeast',
    appliesTo: {},
    by2020: 90,
  },
  {
    code: 'OWNERS_COMMITTEES',
    name: '业主委员会组建率',
    nameEn: "Residential estates with an owners' committee",
    unit: '%',
    direction: 'atLeast',
    appliesTo: {},
    by2020: 50,
  },
  {
    code: 'WASTE_RECYCLING',
    name: '生活垃圾回收利用率（试点城市）',
    nameEn: 'Household waste recycling rate (pilot cities)',
    unit: '%',
    direction: 'atLeast',
    appliesTo: { cities: wastePilots },
    by2020: 35,
  },
  {
    code: 'GREEN_BUILDINGS',
    name: '绿色建筑占新建建筑比例',
    nameEn: 'Green buildings among new buildings',
    unit: '%',
    direction: 'about',
    appliesTo: {},
    by2020: 50,
  },
  {
    code: 'PREFABRICATED_BUILDINGS',
    name: '装配式建筑占新建建筑比例',
    nameEn: 'Prefabricated buildings among new buildings',
    unit: '%',
    direction: 'about',
    appliesTo: {},
    by2020: 10,
  },
  {
    code: 'ROAD_NETWORK_DENSITY',
    name: '建成区路网密度',
    nameEn: 'Road network density of the built-up area',
    unit: 'km/km²',
    direction: 'atLeast',
    appliesTo: {},
    by2020: 7.8,
  },
  {
    code: 'ROAD_AREA_RATE',
    name: '道路面积率',
    nameEn: 'Road area ratio',
    unit: '%',
    direction: 'atLeast',
    appliesTo: {},
    by2020: 16.5,
  },
  {
    code: 'ROAD_AREA_PER_CAPITA',
    name: '人均道路面积',
    nameEn: 'Road area per capita',
    unit: 'm²/人',
    direction: 'atLeast',
    appliesTo: {},
    by2020: 25,
  },
  {
    code: 'BUS_STOP_COVERAGE',
    name: '公交站点500米覆盖率',
    nameEn: 'Built-up area within 500 m of a bus stop',
    unit: '%',
    direction: 'atLeast',
    appliesTo: {},
    by2020: 100,
  },
  {
    code: 'TRANSIT_SHARE_LARGE',
    name: '公共交通出行分担率（城区人口100万以上）',
    nameEn: 'Public transport share of trips (over 1 million people)',
    unit: '%',
    direction: 'atLeast',
    appliesTo: { minPopulation: 1_000_001 },
    by2020: 30,
  },
  {
    code: 'TRANSIT_SHARE_MEDIUM',
    name: '公共交通出行分担率（城区人口20万至100万）',
    nameEn: 'Public transport share of trips (0.2–1 million people)',
    unit: '%',
    direction: 'atLeast',
    appliesTo: { minPopulation: 200_000, maxPopulation: 1_000_000 },
    by2020: 20,
  },
  {
    code: 'CYCLE_FOOTWAY_INTACT',
    name: '自行车道、人行道完好率',
    nameEn: 'Cycle lanes and footways in good repair',
    unit: '%',
    direction: 'atLeast',
    appliesTo: {},
    by2020: 98,
  },
  {
    code: 'SPONGE_CITY_AREA',
    name: '海绵城市建设达标面积比例',
    nameEn: 'Built-up area meeting the sponge-city standard',
    unit: '%',
    direction: 'atLeast',
    appliesTo: {},
    by2020: 20,
  },
  {
    code: 'NO_ILLEGAL_BUILDING_STREETS',
    name: '无违法建设先进街道（社区）创建完成率',
    nameEn: 'Streets (communities) certified free of illegal building',
    unit: '%',
    direction: 'atLeast',
    appliesTo: {},
    by2020: 90,
  },
  {
    code: 'DUST_CONTROL_MEASURES',
    name: '建筑工地6项扬尘防治措施百分百落实',
    nameEn: 'All six dust-control measures in place on every construction site',
    unit: 'yes-no',
    direction: 'yesNo',
    appliesTo: {},
    by2020: 1,
  },
  {
    code: 'DIGITAL_PLATFORM',
    name: '建成数字化城市管理平台',
    nameEn: 'Digital urban management platform in operation',
    unit: 'yes-no',
    direction: 'yesNo',
    appliesTo: {},
    by2020: 1,
  },
];

export const planTargets: RegionIndicator[] = targets.map(({ by2020, ...indicator }) => ({
  ...indicator,
  plan: actionPlan2018,
  targets: [{ year: 2020, value: by2020 }],
}));

/**
 * The case indicators the region holds every city to (案件指标), measured by the system from the
 * cases rather than reported (domain ranking-score.ts systemMeasures).
 */
export const caseIndicatorPlan = '自治区数字化城市管理考评（案件指标）';

export const caseIndicatorTargets: RegionIndicator[] = [
  {
    code: 'ON_TIME_CLOSING_RATE',
    name: '按期结案率',
    nameEn: 'Cases closed on time',
    unit: '%',
    direction: 'atLeast',
    appliesTo: {},
    plan: caseIndicatorPlan,
    periodKind: 'month',
    targets: [{ year: 2026, value: 90 }],
  },
  {
    code: 'REWORK_RATE',
    name: '返工率',
    nameEn: 'Rework rate of closed cases',
    unit: '%',
    direction: 'atMost',
    appliesTo: {},
    plan: caseIndicatorPlan,
    periodKind: 'month',
    targets: [{ year: 2026, value: 5 }],
  },
  {
    code: 'PUBLIC_SATISFACTION',
    name: '公众满意率（回访）',
    nameEn: 'Public satisfaction (callbacks)',
    unit: '%',
    direction: 'atLeast',
    appliesTo: {},
    plan: caseIndicatorPlan,
    periodKind: 'month',
    targets: [{ year: 2026, value: 90 }],
  },
];
