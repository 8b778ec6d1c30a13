import { formatKitsuDate, formatKitsuDateTime } from '../../src-shared/kitsu/datetime';

export { formatKitsuDateTime as formatDateTime, formatKitsuDate as formatDate };

export function nowDateTime(): string {
  return formatKitsuDateTime(new Date());
}
