import { useEffect, useMemo, useRef } from 'react';
import './plans.css';

/**
 * A plan's verbatim text with marked passages (target quotes, places the parser warns about). Spans are
 * UTF-16 offsets, which is what JavaScript string indices are, so slicing the text is exact. Marks may
 * overlap (one clause can hold two targets): the text is cut at every mark boundary and each piece
 * carries all marks covering it. `focus` scrolls to a mark and flashes it; it changes on every click.
 */
export interface SourceMark {
  id: string;
  start: number;
  end: number;
  tone?: 'target' | 'red' | 'green' | 'rejected' | 'warning';
  title?: string;
}

interface Piece { start: number; end: number; marks: SourceMark[] }

function cut(text: string, marks: SourceMark[]): Piece[] {
  const valid = marks.filter((m) => m.start >= 0 && m.end <= text.length && m.end > m.start);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    pieces.push({ start: a, end: b, marks: valid.filter((m) => m.start <= a && m.end >= b) });
  }
  return pieces;
}

export function SourceText(props: {
  text: string;
  marks: SourceMark[];
  focus?: { id: string; nonce: number } | null;
  onMarkClick?(id: string): void;
  testId?: string;
}) {
  const { text, marks, focus } = props;
  const box = useRef<HTMLDivElement>(null);
  const pieces = useMemo(() => cut(text, marks), [text, marks]);

  useEffect(() => {
    const root = box.current;
    if (!focus || !root) return;
    const els = [...root.querySelectorAll<HTMLElement>('[data-marks]')].filter((el) => el.dataset.marks!.split(' ').includes(focus.id));
    if (!els.length) return;
    // Scroll the text box to the passage, and the page to the box: scrollIntoView would also move the
    // shell's own overflow containers.
    const frame = root.getBoundingClientRect();
    const at = els[0].getBoundingClientRect();
    root.scrollTo({ top: root.scrollTop + at.top - frame.top - root.clientHeight / 2 + at.height / 2, behavior: 'smooth' });
    if (frame.top < 64 || frame.bottom > window.innerHeight) window.scrollTo({ top: window.scrollY + frame.top - 76, behavior: 'smooth' });
    for (const el of els) { el.classList.remove('st-flash'); void el.offsetWidth; el.classList.add('st-flash'); }
    const timer = setTimeout(() => els.forEach((el) => el.classList.remove('st-flash')), 2000);
    return () => clearTimeout(timer);
  }, [focus, pieces]);

  return (
    <div ref={box} className="st-source" data-testid={props.testId ?? 'source-text'}>
      {pieces.map((p) => {
        const chunk = text.slice(p.start, p.end);
        if (!p.marks.length) return chunk;
        const top = p.marks[p.marks.length - 1];
        const active = focus && p.marks.some((m) => m.id === focus.id);
        return (
          <span
            key={p.start}
            className={`st-source-mark st-mark-${top.tone ?? 'target'}${active ? ' st-quote-active' : ''}`}
            data-marks={p.marks.map((m) => m.id).join(' ')}
            title={p.marks.map((m) => m.title).filter(Boolean).join('\n') || undefined}
            onClick={() => props.onMarkClick?.(top.id)}
          >
            {chunk}
          </span>
        );
      })}
    </div>
  );
}
