/**
 * Traditional → simplified conversion with OpenCC (`t` → `cn`, character and phrase tables), keeping the
 * offset map: conversion is done line by line, and a line whose length would change is converted
 * character by character so every output character still maps to one original character.
 */
import { Converter } from 'opencc-js/t2cn';
import { rewrite, type MappedText, type Piece } from './text-map.ts';

let converter: ((s: string) => string) | null = null;
function toCn(s: string): string {
  converter ??= Converter({ from: 't', to: 'cn' });
  return converter(s);
}

export interface SimplifiedResult {
  mapped: MappedText;
  /** CJK characters that the conversion changed. */
  changed: number;
  /** CJK characters in the text. */
  cjk: number;
  script: 'simplified' | 'traditional';
}

const CJK = /[\u4e00-\u9fff]/;

/**
 * Converts traditional characters to simplified. The text counts as traditional when at least 2% of its
 * CJK characters (and at least 10 characters) change; a simplified text passes through unchanged.
 */
export function toSimplified(input: MappedText): SimplifiedResult {
  const pieces: Piece[] = [];
  let changed = 0;
  let cjk = 0;
  let pos = 0;
  const text = input.text;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const line = text.slice(pos, nl);
    let out = toCn(line);
    if (out.length !== line.length) out = Array.from(line, (ch) => (ch.length === 1 ? toCn(ch) : ch)).join('');
    if (out.length !== line.length) out = line; // give up on exotic lines rather than lose the map
    for (let i = 0; i < line.length; i++) {
      if (CJK.test(line[i])) {
        cjk++;
        if (out[i] !== line[i]) changed++;
      }
    }
    pieces.push({ out, from: pos, to: nl });
    if (nl < text.length) pieces.push({ out: '\n', from: nl, to: nl + 1 });
    pos = nl + 1;
  }
  const script = changed >= 10 && changed >= cjk * 0.02 ? 'traditional' : 'simplified';
  return { mapped: changed ? rewrite(input, pieces) : input, changed, cjk, script };
}
