import type { Migration } from '../migrate';
import { initialSchema } from './0001-initial-schema';

export const migrations: readonly Migration[] = [initialSchema];
