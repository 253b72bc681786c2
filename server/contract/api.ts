import { CONTACTS } from './apiContacts';
import { KNOWLEDGE } from './apiKnowledge';
import type { Operation } from './operation';
import { OPERATIONS } from './apiOperations';
import { PEOPLE } from './apiPeople';

export type { Operation } from './operation';

/** Every route of the API, in the order the reference shows them. */
export const API: readonly Operation[] = [...KNOWLEDGE, ...CONTACTS, ...PEOPLE, ...OPERATIONS];
