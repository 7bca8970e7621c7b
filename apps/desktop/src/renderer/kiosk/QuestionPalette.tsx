import type { AnswerValue, CandidatePaper } from '@skillexam/shared';
import { memo } from 'react';
import { useI18n } from '../i18n';
import { isAnswered, type PaletteCounts, type PaperIndex } from './exam-navigation';

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
  readonly number: number;
  readonly answered: boolean;
  readonly flagged: boolean;
  readonly current: boolean;
  readonly onSelect: (itemId: string) => void;
}

/** One cell; memoized so moving between questions re-renders two cells, not the whole sheet. */
const PaletteCell = memo(function PaletteCell(props: CellProps) {
  const classes = `cell${props.answered ? ' answered' : ''}${props.flagged ? ' flagged' : ''}${props.current ? ' current' : ''}`;
  return (
    <button
      type="button"
      className={classes}
      aria-current={props.current ? 'step' : undefined}
      onClick={() => props.onSelect(props.itemId)}
    >
      {props.number}
    </button>
  );
});

/** 答题卡: every question by number, coloured answered / flagged / current / unanswered. */
export const QuestionPalette = memo(function QuestionPalette(props: Props) {
  const { t } = useI18n();
  const { paper, index, answers, flagged, currentId, counts, onSelect } = props;
  return (
    <nav className="palette" aria-label={t('exam.palette')}>
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
          <h3>{section.title}</h3>
          <div className="palette-grid">
            {index.items
              .filter((f) => f.sectionIndex === sectionIndex)
              .map(({ item }) => (
                <PaletteCell
                  key={item.itemId}
                  itemId={item.itemId}
                  number={item.number}
                  answered={isAnswered(answers.get(item.itemId))}
                  flagged={flagged.has(item.itemId)}
                  current={item.itemId === currentId}
                  onSelect={onSelect}
                />
              ))}
          </div>
        </section>
      ))}
    </nav>
  );
});
