/**
 * Our points are WGS-84 (GPS). A Chinese tile service (天地图's GCJ-02 layers, AMap) draws in the
 * shifted GCJ-02 system, so a point goes onto such a map shifted, and a place picked on it comes
 * back unshifted — through gcoord, not by hand.
 */
import gcoord from 'gcoord';

export type MapCoordinates = 'wgs84' | 'gcj02';

export interface LatLngPair {
  lat: number;
  lng: number;
}

/** Where a WGS-84 point lies on a map drawn in `system`. */
export function toMapCoordinates(point: LatLngPair, system: MapCoordinates): LatLngPair {
  if (system === 'wgs84') return point;
  const [lng, lat] = gcoord.transform([point.lng, point.lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
  return { lat, lng };
}

/** The WGS-84 point of a place on a map drawn in `system`. */
export function fromMapCoordinates(point: LatLngPair, system: MapCoordinates): LatLngPair {
  if (system === 'wgs84') return point;
  const [lng, lat] = gcoord.transform([point.lng, point.lat], gcoord.GCJ02, gcoord.WGS84) as [number, number];
  return { lat, lng };
}
