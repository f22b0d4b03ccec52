import { decodeText } from '../sniff';
import type { Extracted } from './types';

/** Plain text is taken as it is: no markup is interpreted, so offsets stay faithful to the file. */
export function extractTxt(bytes: Uint8Array): Extracted {
  return { text: decodeText(bytes), hints: {} };
}
