import type zh from '../zh-CN/case-detail';

/** A case's own page: what a decision needs beside the summary, and the detail's sections. */
const caseDetail: typeof zh = {
  /** What a decision on a case needs beside its summary: photos, district, reporter, assignee. */
  decision: {
    problemPhotos: 'Problem photos',
    fixPhotos: 'Fix photos',
    district: 'District',
    unavailable: 'The case photos cannot be read now',
  },
  detail: {
    beyondCalendar: 'Past the loaded holiday data: this deadline may be wrong',
    title: 'Case',
    timeline: 'Timeline',
    noPhotos: 'No photos',
    deadlines: 'Deadline',
    currentStage: 'Stage',
    due: 'Due',
    closedAt: 'Closed at',
    cameraBurst: 'Camera',
    cameraDetections: '{n} detections by camera {camera}, latest at {at}',
    reporterErased: 'Personal data erased on {at} (retention period)',
    callers: 'Other callers',
  },
};

export default caseDetail;
