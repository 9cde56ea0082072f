/**
 * Instants as a person reads them: in the zone of the case's city (the session's `timeZones`), or
 * where no city is shown, the user's own city's. A region spanning several zones shows such a time
 * with its zone named; a city the session does not know shows the instant as sent (UTC), never a
 * time in some other city's zone.
 */
import { useI18n } from 'vue-i18n';
import { homeZone, zoneOfCity } from '../domain/city-zones';
import { useAuthStore } from '../stores/auth';

export function useLocalTime() {
  const { d } = useI18n();
  const auth = useAuthStore();
  return (at: string | null | undefined, city?: string): string => {
    if (!at) return '';
    const date = new Date(at);
    const user = auth.user;
    if (Number.isNaN(date.getTime()) || user === null) return at;
    if (city !== undefined) {
      const zone = zoneOfCity(user, city);
      return zone === undefined ? at : d(date, { key: 'long', timeZone: zone });
    }
    const zone = homeZone(user);
    return zone === undefined
      ? d(date, { key: 'long', timeZoneName: 'short' })
      : d(date, { key: 'long', timeZone: zone });
  };
}
