import type { CityClass } from '@urbangrid/domain';
import type { CellBlock, Lattice } from './lattice.js';

/**
 * Where the demo cities' areas lie on their lattices. A district is a block of cells; its streets
 * (街道) are bands from north to south and each street's communities (社区) are strips from west
 * to east, all cut on grid lines. Street and community codes are numbered in that order.
 * Names are real where known, otherwise plausible for the neighbourhood.
 */

export interface NamePair {
  readonly name: string;
  readonly nameEn: string;
}

export interface StreetPlan extends NamePair {
  readonly communities: readonly NamePair[];
}

export interface DistrictPlan extends NamePair {
  /** 6-digit county-level code (GB/T 2260). */
  readonly code: string;
  readonly block: CellBlock;
  readonly streets: readonly StreetPlan[];
}

export interface CityPlan extends NamePair {
  readonly code: string;
  readonly regionCode: string;
  /** The plan's class of the city and its urban population (城区人口), which pick its targets. */
  readonly cityClass: CityClass;
  readonly urbanPopulation: number;
  readonly timeZone: string;
  readonly lattice: Lattice;
  readonly districts: readonly DistrictPlan[];
}

const street = (name: string, nameEn: string, communities: [string, string][]): StreetPlan => ({
  name,
  nameEn,
  communities: communities.map(([n, en]) => ({ name: n, nameEn: en })),
});

/**
 * Hohhot: 89 rows × 117 columns from 40.79 N, 111.60 E (to 40.8701 N, 111.7404 E), 10,413 grids.
 * The box is cut into district quadrants at row 44 and column 56.
 */
export const hohhot: CityPlan = {
  code: '1501',
  name: '呼和浩特市',
  nameEn: 'Hohhot',
  regionCode: '15',
  cityClass: 'prefecture',
  urbanPopulation: 2_150_000,
  timeZone: 'Asia/Shanghai',
  lattice: {
    southUnits: 407_900,
    westUnits: 1_116_000,
    latStepUnits: 9,
    lngStepUnits: 12,
    rows: 89,
    cols: 117,
  },
  districts: [
    {
      code: '150102',
      name: '新城区',
      nameEn: 'Xincheng District',
      block: { rowStart: 0, rowEnd: 44, colStart: 56, colEnd: 117 },
      streets: [
        street('海拉尔东路街道', 'Hailar East Road Subdistrict', [
          ['公园东路社区', 'Gongyuan East Road Community'],
          ['北垣东街社区', 'Beiyuan East Street Community'],
          ['东影南路社区', 'Dongying South Road Community'],
        ]),
        street('锡林路街道', 'Xilin Road Subdistrict', [
          ['锡林北路社区', 'Xilin North Road Community'],
          ['苗圃社区', 'Miaopu Community'],
          ['宝尔汗社区', 'Baorhan Community'],
        ]),
        street('中山东路街道', 'Zhongshan East Road Subdistrict', [
          ['新城西街社区', 'Xincheng West Street Community'],
          ['满都海社区', 'Manduhai Community'],
          ['乌兰社区', 'Ulan Community'],
        ]),
        street('东风路街道', 'Dongfeng Road Subdistrict', [
          ['东风路社区', 'Dongfeng Road Community'],
          ['兴安北路社区', "Xing'an North Road Community"],
          ['成吉思汗大街社区', 'Genghis Khan Street Community'],
        ]),
      ],
    },
    {
      code: '150103',
      name: '回民区',
      nameEn: 'Huimin District',
      block: { rowStart: 0, rowEnd: 44, colStart: 0, colEnd: 56 },
      streets: [
        street('中山西路街道', 'Zhongshan West Road Subdistrict', [
          ['通顺街社区', 'Tongshun Street Community'],
          ['宽巷子社区', 'Kuanxiangzi Community'],
          ['石羊桥社区', 'Shiyangqiao Community'],
        ]),
        street('环河街街道', 'Huanhe Street Subdistrict', [
          ['环河街社区', 'Huanhe Street Community'],
          ['旧城北门社区', 'Old Town North Gate Community'],
          ['西顺城街社区', 'Xishuncheng Street Community'],
        ]),
        street('新华西路街道', 'Xinhua West Road Subdistrict', [
          ['新华西路社区', 'Xinhua West Road Community'],
          ['光明路社区', 'Guangming Road Community'],
          ['海拉尔西路社区', 'Hailar West Road Community'],
        ]),
      ],
    },
    {
      code: '150104',
      name: '玉泉区',
      nameEn: 'Yuquan District',
      block: { rowStart: 44, rowEnd: 89, colStart: 0, colEnd: 56 },
      streets: [
        street('大南街街道', 'Danan Street Subdistrict', [
          ['大召社区', 'Dazhao Community'],
          ['席力图社区', 'Xilitu Community'],
          ['五塔寺社区', 'Five Pagoda Temple Community'],
        ]),
        street('小召前街街道', 'Xiaozhao Front Street Subdistrict', [
          ['小召社区', 'Xiaozhao Community'],
          ['石头巷社区', 'Shitouxiang Community'],
          ['南茶坊社区', 'Nanchafang Community'],
        ]),
        street('昭君路街道', 'Zhaojun Road Subdistrict', [
          ['昭君路社区', 'Zhaojun Road Community'],
          ['桃花社区', 'Taohua Community'],
          ['兴隆巷社区', 'Xinglongxiang Community'],
        ]),
      ],
    },
    {
      code: '150105',
      name: '赛罕区',
      nameEn: 'Saihan District',
      block: { rowStart: 44, rowEnd: 89, colStart: 56, colEnd: 117 },
      streets: [
        street('人民路街道', 'Renmin Road Subdistrict', [
          ['人民路社区', 'Renmin Road Community'],
          ['新华东街社区', 'Xinhua East Street Community'],
          ['金桥社区', 'Jinqiao Community'],
        ]),
        street('中专路街道', 'Zhongzhuan Road Subdistrict', [
          ['中专路社区', 'Zhongzhuan Road Community'],
          ['丰州路社区', 'Fengzhou Road Community'],
          ['呼伦南路社区', 'Hulun South Road Community'],
        ]),
        street('大学东路街道', 'Daxue East Road Subdistrict', [
          ['大学东路社区', 'Daxue East Road Community'],
          ['内大社区', 'Inner Mongolia University Community'],
          ['展东路社区', 'Zhandong Road Community'],
        ]),
        street('敕勒川路街道', 'Chilechuan Road Subdistrict', [
          ['敕勒川路社区', 'Chilechuan Road Community'],
          ['腾飞路社区', 'Tengfei Road Community'],
          ['金隅社区', 'Jinyu Community'],
        ]),
      ],
    },
  ],
};

/**
 * Baotou, the smaller second city: 20 rows × 30 columns from 40.606 N, 109.812 E (to 40.624 N,
 * 109.848 E), 600 grids, split into two districts at column 15.
 */
export const baotou: CityPlan = {
  code: '1502',
  name: '包头市',
  nameEn: 'Baotou',
  regionCode: '15',
  cityClass: 'prefecture',
  urbanPopulation: 1_950_000,
  timeZone: 'Asia/Shanghai',
  lattice: {
    southUnits: 406_060,
    westUnits: 1_098_120,
    latStepUnits: 9,
    lngStepUnits: 12,
    rows: 20,
    cols: 30,
  },
  districts: [
    {
      code: '150203',
      name: '昆都仑区',
      nameEn: 'Kundulun District',
      block: { rowStart: 0, rowEnd: 20, colStart: 0, colEnd: 15 },
      streets: [
        street('林荫路街道', 'Linyin Road Subdistrict', [
          ['林荫路社区', 'Linyin Road Community'],
          ['钢铁大街社区', 'Gangtie Street Community'],
        ]),
        street('少先路街道', 'Shaoxian Road Subdistrict', [
          ['少先路社区', 'Shaoxian Road Community'],
          ['团结大街社区', 'Tuanjie Street Community'],
        ]),
      ],
    },
    {
      code: '150202',
      name: '东河区',
      nameEn: 'Donghe District',
      block: { rowStart: 0, rowEnd: 20, colStart: 15, colEnd: 30 },
      streets: [
        street('西脑包街道', 'Xinaobao Subdistrict', [
          ['西脑包社区', 'Xinaobao Community'],
          ['和平路社区', 'Heping Road Community'],
        ]),
        street('南门外街道', 'Nanmenwai Subdistrict', [
          ['南门外社区', 'Nanmenwai Community'],
          ['财神庙社区', 'Caishenmiao Community'],
        ]),
      ],
    },
  ],
};

export const cityPlans: readonly CityPlan[] = [hohhot, baotou];
