/** A case's own page: what a decision needs beside the summary, and the detail's sections. */
export default {
  /** What a decision on a case needs beside its summary: photos, district, reporter, assignee. */
  decision: {
    problemPhotos: '问题照片',
    fixPhotos: '处置照片',
    district: '所属区县',
    unavailable: '案件照片暂时无法读取',
  },
  detail: {
    beyondCalendar: '超出已载入的节假日数据，时限可能有误',
    title: '案件详情',
    timeline: '处理过程',
    noPhotos: '暂无照片',
    deadlines: '时限',
    currentStage: '当前环节',
    due: '截止时间',
    closedAt: '结案时间',
    cameraBurst: '视频识别',
    cameraDetections: '摄像头 {camera} 识别 {n} 次，最近一次 {at}',
    reporterErased: '反映人信息已于 {at} 按保存期限删除',
    callers: '附加来电人',
  },
};
