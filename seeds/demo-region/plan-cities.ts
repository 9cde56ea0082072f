import type { CityClass } from '@urbangrid/domain';
import type { CityPlan, DistrictPlan, NamePair, StreetPlan } from './city-plans.js';
import { splitRange } from './lattice.js';

/**
 * The other 19 cities of the region's action plan (内政办发〔2018〕60号) besides Hohhot and Baotou,
 * with their GB/T 2260 codes and centres: the prefecture-level and separately listed cities (a
 * 4-digit code; 满洲里 and 二连浩特 keep their 6-digit county-level codes) and the county-level
 * cities (6 digits; the city is its own single district). Each gets a small lattice of ~100 m grids
 * around its centre, sized to its urban population (smaller cities fewer grids), two streets per
 * district and two communities per street.
 */

interface PlanCitySpec {
  code: string;
  name: string;
  nameEn: string;
  lat: number;
  lng: number;
  cityClass: CityClass;
  urbanPopulation: number;
  /** Urban districts (6-digit codes); none: a county-level city, its own district. */
  districts?: readonly [code: string, name: string, nameEn: string][];
}

const specs: readonly PlanCitySpec[] = [
  {
    code: '1503',
    name: '乌海市',
    nameEn: 'Wuhai',
    lat: 39.655,
    lng: 106.795,
    cityClass: 'prefecture',
    urbanPopulation: 530_000,
    districts: [
      ['150302', '海勃湾区', 'Haibowan District'],
      ['150304', '乌达区', 'Wuda District'],
    ],
  },
  {
    code: '1504',
    name: '赤峰市',
    nameEn: 'Chifeng',
    lat: 42.258,
    lng: 118.887,
    cityClass: 'prefecture',
    urbanPopulation: 960_000,
    districts: [
      ['150402', '红山区', 'Hongshan District'],
      ['150404', '松山区', 'Songshan District'],
    ],
  },
  {
    code: '1505',
    name: '通辽市',
    nameEn: 'Tongliao',
    lat: 43.617,
    lng: 122.263,
    cityClass: 'prefecture',
    urbanPopulation: 650_000,
    districts: [['150502', '科尔沁区', 'Horqin District']],
  },
  {
    code: '1506',
    name: '鄂尔多斯市',
    nameEn: 'Ordos',
    lat: 39.608,
    lng: 109.781,
    cityClass: 'prefecture',
    urbanPopulation: 700_000,
    districts: [
      ['150602', '东胜区', 'Dongsheng District'],
      ['150603', '康巴什区', 'Kangbashi District'],
    ],
  },
  {
    code: '1507',
    name: '呼伦贝尔市',
    nameEn: 'Hulunbuir',
    lat: 49.212,
    lng: 119.766,
    cityClass: 'prefecture',
    urbanPopulation: 350_000,
    districts: [['150702', '海拉尔区', 'Hailar District']],
  },
  {
    code: '1508',
    name: '巴彦淖尔市',
    nameEn: 'Bayannur',
    lat: 40.757,
    lng: 107.388,
    cityClass: 'prefecture',
    urbanPopulation: 400_000,
    districts: [['150802', '临河区', 'Linhe District']],
  },
  {
    code: '1509',
    name: '乌兰察布市',
    nameEn: 'Ulanqab',
    lat: 41.034,
    lng: 113.133,
    cityClass: 'prefecture',
    urbanPopulation: 360_000,
    districts: [['150902', '集宁区', 'Jining District']],
  },
  {
    code: '150781',
    name: '满洲里市',
    nameEn: 'Manzhouli',
    lat: 49.598,
    lng: 117.379,
    cityClass: 'prefecture',
    urbanPopulation: 200_000,
  },
  {
    code: '152501',
    name: '二连浩特市',
    nameEn: 'Erenhot',
    lat: 43.653,
    lng: 111.977,
    cityClass: 'prefecture',
    urbanPopulation: 80_000,
  },
  {
    code: '150782',
    name: '牙克石市',
    nameEn: 'Yakeshi',
    lat: 49.286,
    lng: 120.712,
    cityClass: 'county-level',
    urbanPopulation: 200_000,
  },
  {
    code: '150785',
    name: '根河市',
    nameEn: 'Genhe',
    lat: 50.78,
    lng: 121.52,
    cityClass: 'county-level',
    urbanPopulation: 80_000,
  },
  {
    code: '150784',
    name: '额尔古纳市',
    nameEn: 'Ergun',
    lat: 50.243,
    lng: 120.18,
    cityClass: 'county-level',
    urbanPopulation: 50_000,
  },
  {
    code: '150783',
    name: '扎兰屯市',
    nameEn: 'Zalantun',
    lat: 48.014,
    lng: 122.738,
    cityClass: 'county-level',
    urbanPopulation: 160_000,
  },
  {
    code: '152201',
    name: '乌兰浩特市',
    nameEn: 'Ulanhot',
    lat: 46.078,
    lng: 122.093,
    cityClass: 'county-level',
    urbanPopulation: 300_000,
  },
  {
    code: '152202',
    name: '阿尔山市',
    nameEn: 'Arxan',
    lat: 47.177,
    lng: 119.943,
    cityClass: 'county-level',
    urbanPopulation: 40_000,
  },
  {
    code: '150581',
    name: '霍林郭勒市',
    nameEn: 'Holingol',
    lat: 45.532,
    lng: 119.663,
    cityClass: 'county-level',
    urbanPopulation: 100_000,
  },
  {
    code: '152502',
    name: '锡林浩特市',
    nameEn: 'Xilinhot',
    lat: 43.933,
    lng: 116.086,
    cityClass: 'county-level',
    urbanPopulation: 250_000,
  },
  {
    code: '150981',
    name: '丰镇市',
    nameEn: 'Fengzhen',
    lat: 40.437,
    lng: 113.11,
    cityClass: 'county-level',
    urbanPopulation: 120_000,
  },
  {
    code: '152921',
    name: '阿拉善左旗',
    nameEn: 'Alxa Left Banner',
    lat: 38.833,
    lng: 105.671,
    cityClass: 'county-level',
    urbanPopulation: 150_000,
  },
];

/** Plausible street (街道) and community (社区) names, as common across the region's towns. */
const streetNames: readonly NamePair[] = [
  { name: '新华街道', nameEn: 'Xinhua Subdistrict' },
  { name: '胜利街道', nameEn: 'Shengli Subdistrict' },
  { name: '团结街道', nameEn: 'Tuanjie Subdistrict' },
  { name: '建设街道', nameEn: 'Jianshe Subdistrict' },
];
const communityNames: readonly NamePair[] = [
  { name: '光明社区', nameEn: 'Guangming Community' },
  { name: '友谊社区', nameEn: 'Youyi Community' },
  { name: '和平社区', nameEn: 'Heping Community' },
  { name: '幸福社区', nameEn: 'Xingfu Community' },
  { name: '草原社区', nameEn: 'Caoyuan Community' },
  { name: '北苑社区', nameEn: 'Beiyuan Community' },
  { name: '南湖社区', nameEn: 'Nanhu Community' },
  { name: '东兴社区', nameEn: 'Dongxing Community' },
];

/** Grids per 2,500 urban residents, between 24 (a town) and 320 (Chifeng). */
const gridCount = (population: number) => Math.max(24, Math.min(320, Math.round(population / 2_500)));

const streetsOf = (offset: number): StreetPlan[] =>
  [0, 1].map((s) => ({
    ...(streetNames[(offset + s) % streetNames.length] ?? { name: '新华街道', nameEn: 'Xinhua Subdistrict' }),
    communities: [0, 1].map(
      (c) =>
        communityNames[(offset * 2 + s * 2 + c) % communityNames.length] ?? {
          name: '光明社区',
          nameEn: 'Guangming Community',
        },
    ),
  }));

function planOf(spec: PlanCitySpec, index: number): CityPlan {
  const districtSpecs = spec.districts ?? [[spec.code, `${spec.name}城区`, `${spec.nameEn} urban area`]];
  // At least 4 rows (two streets) and 2 columns per community of every district.
  const rows = Math.max(4, Math.round(Math.sqrt(gridCount(spec.urbanPopulation))));
  const cols = Math.max(4 * districtSpecs.length, Math.round(gridCount(spec.urbanPopulation) / rows));
  const blocks = splitRange(0, cols, districtSpecs.length);
  const districts: DistrictPlan[] = districtSpecs.map(([code, name, nameEn], d) => {
    const [colStart, colEnd] = blocks[d] ?? [0, cols];
    return {
      code,
      name,
      nameEn,
      block: { rowStart: 0, rowEnd: rows, colStart, colEnd },
      streets: streetsOf(index + d),
    };
  });
  return {
    code: spec.code,
    name: spec.name,
    nameEn: spec.nameEn,
    regionCode: '15',
    cityClass: spec.cityClass,
    urbanPopulation: spec.urbanPopulation,
    timeZone: 'Asia/Shanghai',
    lattice: {
      // Centred on the city: integer 1e-4 degree units, 0.0009° × 0.0012° cells as in Hohhot.
      southUnits: Math.round(spec.lat * 10_000) - Math.floor((rows * 9) / 2),
      westUnits: Math.round(spec.lng * 10_000) - Math.floor((cols * 12) / 2),
      latStepUnits: 9,
      lngStepUnits: 12,
      rows,
      cols,
    },
    districts,
  };
}

export const planCities: readonly CityPlan[] = specs.map(planOf);
