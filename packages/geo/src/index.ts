export {
  type Bbox,
  type GeoJsonPoint,
  type GeoJsonPolygon,
  latitudeSchema,
  linearRingSchema,
  longitudeSchema,
  type PolygonLike,
  type Position,
  pointSchema,
  polygonAreaSquareMetres,
  polygonBbox,
  polygonSchema,
  positionSchema,
  type ReadonlyPolygon,
} from './geojson.js';
export {
  type CommunityOfCity,
  type ExistingGrid,
  type GridImportFile,
  type GridImportPlan,
  type GridImportProblem,
  type GridProblemKind,
  gridImportFileSchema,
  gridProblemKinds,
  type PlannedGrid,
  planGridImport,
} from './grid-import.js';
export { createGridLayer, type GridLayer } from './grid-layer.js';
export {
  createGridLocator,
  type GridLocator,
  type GridShape,
  gridIndexNodeSize,
  InvalidGridLayerError,
} from './grid-locator.js';
export {
  cellsWithinRadius,
  distanceMetres,
  MAX_DISK_RINGS,
  PROXIMITY_RESOLUTION,
  proximityCell,
  ringsForRadius,
} from './proximity.js';
export {
  type SyntheticGrid,
  type SyntheticGridLayer,
  type SyntheticGridOptions,
  syntheticGridLayer,
} from './synthetic-grid.js';
