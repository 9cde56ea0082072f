/**
 * What the demo gazetteer names in Hohhot besides its areas: main roads laid along the lattice (a
 * road follows one row or one column of unit grids) and landmarks at their real coordinates.
 * Road names are real; where a real road changes its name at the centre (东路/西路, 北路/南路),
 * the two halves are separate roads numbered outwards from the centre, as Hohhot numbers them.
 */

export interface RoadHalf {
  readonly name: string;
  readonly nameEn: string;
  /** Lattice cells from the first building number (No. 1) outwards, inclusive. */
  readonly from: number;
  readonly to: number;
}

export interface RoadPlan {
  /** 'row': runs west–east along lattice row `line`; 'col': north–south along column `line`. */
  readonly along: 'row' | 'col';
  readonly line: number;
  readonly halves: readonly RoadHalf[];
}

const half = (name: string, nameEn: string, from: number, to: number): RoadHalf => ({
  name,
  nameEn,
  from,
  to,
});

/** Hohhot's lattice: rows 0–88 from the north, columns 0–116 from the west; centre at row 44, column 56. */
export const hohhotRoads: readonly RoadPlan[] = [
  { along: 'row', line: 4, halves: [half('成吉思汗大街', 'Genghis Khan Street', 10, 110)] },
  {
    along: 'row',
    line: 12,
    halves: [half('海拉尔东路', 'Hailar East Road', 56, 112), half('海拉尔西路', 'Hailar West Road', 55, 5)],
  },
  { along: 'row', line: 30, halves: [half('新华大街', 'Xinhua Street', 0, 116)] },
  {
    along: 'row',
    line: 40,
    halves: [
      half('中山东路', 'Zhongshan East Road', 56, 116),
      half('中山西路', 'Zhongshan West Road', 55, 0),
    ],
  },
  {
    along: 'row',
    line: 60,
    halves: [half('大学东街', 'Daxue East Street', 56, 116), half('大学西街', 'Daxue West Street', 55, 0)],
  },
  { along: 'row', line: 80, halves: [half('鄂尔多斯大街', 'Ordos Street', 0, 116)] },
  {
    along: 'col',
    line: 58,
    halves: [
      half('锡林郭勒北路', 'Xilingol North Road', 43, 2),
      half('锡林郭勒南路', 'Xilingol South Road', 44, 86),
    ],
  },
  {
    along: 'col',
    line: 75,
    halves: [
      half('呼伦贝尔北路', 'Hulunbuir North Road', 43, 2),
      half('呼伦贝尔南路', 'Hulunbuir South Road', 44, 86),
    ],
  },
  {
    along: 'col',
    line: 95,
    halves: [half('兴安北路', "Xing'an North Road", 43, 2), half('兴安南路', "Xing'an South Road", 44, 86)],
  },
  {
    along: 'col',
    line: 40,
    halves: [
      half('通道北街', 'Tongdao North Street', 43, 2),
      half('通道南街', 'Tongdao South Street', 44, 86),
    ],
  },
  { along: 'col', line: 20, halves: [half('昭君路', 'Zhaojun Road', 50, 88)] },
];

export interface LandmarkPlan {
  readonly name: string;
  readonly nameEn: string;
  readonly lat: number;
  readonly lng: number;
}

/** Approximate real positions (WGS84), all inside the demo box 40.79–40.87 N, 111.60–111.74 E. */
export const hohhotLandmarks: readonly LandmarkPlan[] = [
  { name: '大召寺', nameEn: 'Dazhao Temple', lat: 40.80135, lng: 111.65395 },
  { name: '席力图召', nameEn: 'Xilitu Temple', lat: 40.80265, lng: 111.65605 },
  { name: '五塔寺', nameEn: 'Five Pagoda Temple', lat: 40.80715, lng: 111.64985 },
  { name: '清真大寺', nameEn: 'Great Mosque of Hohhot', lat: 40.83415, lng: 111.65265 },
  { name: '将军衙署', nameEn: "General's Office", lat: 40.84185, lng: 111.68845 },
  { name: '呼和浩特站', nameEn: 'Hohhot Railway Station', lat: 40.85545, lng: 111.67155 },
  { name: '内蒙古博物院', nameEn: 'Inner Mongolia Museum', lat: 40.85215, lng: 111.70965 },
  { name: '新华广场', nameEn: 'Xinhua Square', lat: 40.84365, lng: 111.67885 },
  { name: '青城公园', nameEn: 'Qingcheng Park', lat: 40.81565, lng: 111.65745 },
  { name: '满都海公园', nameEn: 'Manduhai Park', lat: 40.82385, lng: 111.70465 },
  { name: '内蒙古大学', nameEn: 'Inner Mongolia University', lat: 40.81225, lng: 111.68475 },
  { name: '内蒙古医院', nameEn: 'Inner Mongolia People’s Hospital', lat: 40.81885, lng: 111.67345 },
  { name: '维多利商厦', nameEn: 'Victory Shopping Mall', lat: 40.84845, lng: 111.66725 },
  { name: '呼和浩特市人民政府', nameEn: 'Hohhot Municipal Government', lat: 40.84225, lng: 111.72735 },
  { name: '成吉思汗公园', nameEn: 'Genghis Khan Park', lat: 40.86265, lng: 111.63785 },
  { name: '如意广场', nameEn: 'Ruyi Square', lat: 40.80685, lng: 111.72145 },
];
