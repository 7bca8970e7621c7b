import type { AnswerValue, CandidatePaper } from '@skillexam/shared';
import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n';
import { isAnswered, type PaletteCounts, type PaperIndex } from './exam-navigation';
import { paletteKeyTarget, paletteRows } from './palette-keys';

interface Props {
  readonly paper: CandidatePaper;
  readonly index: PaperIndex;
  readonly answers: ReadonlyMap<string, AnswerValue>;
  readonly flagged: ReadonlySet<string>;
  readonly currentId: string;
  readonly counts: PaletteCounts;
  readonly onSelect: (itemId: string) => void;
}

interface CellProps {
  readonly itemId: string;
  readonly at: number;
  readonly number: number;
  readonly answered: boolean;
  readonly flagged: boolean;
  readonly current: boolean;
  /** The one cell Tab lands on (roving tabindex); arrow keys move it. */
  readonly tabbable: boolean;
  readonly onSelect: (itemId: string) => void;
}

/** One cell; memoized so moving between questions re-renders two cells, not the whole sheet. */
const PaletteCell = memo(function PaletteCell(props: CellProps) {
  const { t } = useI18n();
  const classes = `cell${props.answered ? ' answered' : ''}${props.flagged ? ' flagged' : ''}${props.current ? ' current' : ''}`;
  const state = [
    t(props.answered ? 'exam.palette.cellAnswered' : 'exam.palette.cellUnanswered'),
    ...(props.flagged ? [t('exam.palette.cellFlagged')] : []),
  ].join(' ');
  return (
    <div role="gridcell">
      <button
        type="button"
        className={classes}
        aria-current={props.current ? 'step' : undefined}
        aria-label={`${props.number} ${state}`}
        tabIndex={props.tabbable ? 0 : -1}
        data-at={props.at}
        data-testid={`palette-cell-${props.number}`}
        onClick={() => props.onSelect(props.itemId)}
      >
        {props.number}
      </button>
    </div>
  );
});

/**
 * 答题卡: every question by number, coloured answered / flagged / current / unanswered. Each
 * section is an ARIA grid of rows of six; Tab enters at the current question and the arrow keys,
 * Home and End move between cells (Enter or Space opens the question).
 */
export const QuestionPalette = memo(function QuestionPalette(props: Props) {
  const { t } = useI18n();
  const { paper, index, answers, flagged, currentId, counts, onSelect } = props;
  const nav = useRef<HTMLElement>(null);
  const currentAt = index.byId.get(currentId)?.index ?? 0;
  const [focusAt, setFocusAt] = useState(currentAt);
  useEffect(() => setFocusAt(currentAt), [currentAt]);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const from = Number((event.target as HTMLElement).dataset['at']);
    if (Number.isNaN(from)) return;
    const target = paletteKeyTarget(index, from, event.key);
    if (target === undefined) return;
    event.preventDefault(); // the exam's own ←/→ (previous/next question) stay out of the grid
    setFocusAt(target);
    nav.current?.querySelector<HTMLElement>(`[data-at="${target}"]`)?.focus();
  };
  return (
    <nav className="palette" aria-label={t('exam.palette')} ref={nav} onKeyDown={onKeyDown}>
      <div className="palette-counts" data-testid="palette-counts">
        <span className="legend answered">
          {t('exam.palette.answered', { count: counts.answered })}
        </span>
        <span className="legend unanswered">
          {t('exam.palette.unanswered', { count: counts.unanswered })}
        </span>
        <span className="legend flagged">
          {t('exam.palette.flagged', { count: counts.flagged })}
        </span>
      </div>
      {paper.sections.map((section, sectionIndex) => (
        <section key={section.title}>
          <h3 id={`palette-section-${sectionIndex}`}>{section.title}</h3>
          <div
            role="grid"
            className="palette-grid"
            aria-labelledby={`palette-section-${sectionIndex}`}
          >
            {paletteRows(index.items.filter((f) => f.sectionIndex === sectionIndex)).map((row) => (
              <div role="row" className="palette-row" key={row[0]?.index}>
                {row.map(({ item, index: at }) => (
                  <PaletteCell
                    key={item.itemId}
                    itemId={item.itemId}
                    at={at}
                    number={item.number}
                    answered={isAnswered(answers.get(item.itemId))}
                    flagged={flagged.has(item.itemId)}
                    current={item.itemId === currentId}
                    tabbable={at === focusAt}
                    onSelect={onSelect}
                  />
                ))}
              </div>
            ))}
          </div>
        </section>
      ))}
    </nav>
  );
});
